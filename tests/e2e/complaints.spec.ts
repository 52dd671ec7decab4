// Complaints to the DPO ("klage til personvernombudet"): the citizen files one on their case page,
// the DPO is told by e-mail (reference and link only), sees it on the dashboard and on
// /staff/complaints, answers, and the citizen reads the answer. Outsiders get 404. Axe on every new
// page and state; the citizen form also without JavaScript.
//
// The case is created through POST /api/v1/requests and linked to the signed-in citizen's identity
// with withDb, as in my-cases.spec.ts.
import { expect, test } from "@playwright/test";
import { expectedDueDate } from "./legal-dates";
import { formatDateLong } from "../../lib/domain/calendar";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, waitForMail, withDb } from "./support";
import { createLinkedCase, signInWithEmailCode } from "./citizen-login";
import { staffSignIn } from "./staff-login";

async function complaintCount(reference: string): Promise<number> {
  return withDb(async (db) =>
    Number(
      (
        await db.query(
          "SELECT count(*)::int AS n FROM dpo_complaint WHERE case_id = (SELECT id FROM request_case WHERE reference = $1)",
          [reference],
        )
      ).rows[0].n,
    ),
  );
}

test("a citizen complains, the DPO is told, sees it on the dashboard and answers; the citizen reads the answer", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("klage");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Klage Testesen");
  const complaintText = `Barnehagen ga meg ikke alle opplysningene jeg ba om. ${Date.now()}`;

  await page.goto(`/my-cases/${reference}`);
  const panel = page.getByTestId("complaint-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Klage til personvernombudet");
  await expect(panel).toContainText("uavhengig");
  await expect(panel).toContainText("Datatilsynet");
  await expect(page.getByTestId("dpo-contact")).toContainText("personvernombud@bergen.kommune.no");
  await expectNoAxeViolations(page, "case page with complaint form");

  // A second tab keeps the form open, for a second attempt after the first complaint.
  const staleTab = await page.context().newPage();
  await staleTab.goto(`/my-cases/${reference}`);

  // Empty: the error summary first, linking to the field.
  await page.getByRole("button", { name: "Send klagen" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toContainText("Skriv hva klagen gjelder.");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, "complaint form with error");
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Hva klager du på?")).toBeFocused();

  // Filed: a notice with the due date in words: the one stored, which is the request's one-month
  // rule from the moment the complaint came in.
  await page.getByLabel("Hva klager du på?").fill(complaintText);
  await page.getByRole("button", { name: "Send klagen" }).click();
  await expect(page.getByTestId("complaint-filed")).toBeVisible();
  const stored = await withDb(async (db) =>
    (
      await db.query(
        "SELECT received_at, due_date::text AS due FROM dpo_complaint WHERE case_id = (SELECT id FROM request_case WHERE reference = $1)",
        [reference],
      )
    ).rows[0] as { received_at: Date; due: string },
  );
  expect(stored.due).toBe(expectedDueDate(stored.received_at));
  const due = formatDateLong(stored.due, "nb");
  await expect(page.getByTestId("complaint-filed")).toHaveText(`Klagen er sendt til personvernombudet. Du skal få svar senest ${due}.`);
  await expect(page.getByTestId("complaints")).toContainText(complaintText);
  await expect(page.getByTestId("complaint-status")).toHaveText(`Venter på svar. Personvernombudet skal svare senest ${due}.`);
  await expect(page.getByTestId("complaint-open-notice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send klagen" })).toHaveCount(0);
  await expectNoAxeViolations(page, "case page with an open complaint");

  // The stale tab: a second open complaint is refused with a clear message, nothing changes.
  await staleTab.getByLabel("Hva klager du på?").fill("En klage til om det samme.");
  await staleTab.getByRole("button", { name: "Send klagen" }).click();
  await expect(staleTab.locator(".ds-error-summary")).toContainText("Du har allerede en klage i denne saken som ikke er besvart.");
  await staleTab.close();
  expect(await complaintCount(reference)).toBe(1);

  // The panel in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("complaint-panel").getByRole("heading", { level: 2 })).toHaveText("Complain to the data protection officer");
  await expectNoAxeViolations(page, "complaint panel (en)");
  await page.getByRole("button", { name: "Bokmål" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");

  // The DPO: an e-mail with the reference and a link only.
  const dpo = await staffSignIn(browser, "personvernombud@demo.test");
  const mail = await waitForMail(dpo.page, { to: "personvernombud@demo.test", subjectIncludes: `Ny klage til personvernombudet i sak ${reference}` });
  expect(mail.text).toMatch(/\/staff\/complaints\/[0-9a-f-]{36}/);
  expect(mail.text).not.toContain("Barnehagen ga meg");

  // On the dashboard, with days left in words.
  await dpo.page.goto("/staff/dashboard");
  const dashRow = dpo.page.getByTestId("table-complaints").locator(`tr[data-reference="${reference}"]`);
  await expect(dashRow).toContainText(due);
  await expect(dashRow).toContainText(/dager? igjen|Frist i dag/);
  await expect(dpo.page.getByTestId("complaints-open")).toBeVisible();
  await expectNoAxeViolations(dpo.page, "dashboard with complaints");

  // On /staff/complaints (through the nav), then the complaint itself.
  await dpo.page.getByRole("link", { name: "Klager", exact: true }).click();
  await expect(dpo.page).toHaveURL(/\/staff\/complaints$/);
  await expect(dpo.page.getByRole("heading", { level: 1 })).toHaveText("Klager til personvernombudet");
  const listRow = dpo.page.getByTestId("complaints-table").locator(`tr[data-reference="${reference}"]`);
  await expect(listRow).toContainText("Åpen");
  await expectNoAxeViolations(dpo.page, "complaints list");
  await listRow.getByRole("link", { name: reference }).click();
  await expect(dpo.page.getByRole("heading", { level: 1 })).toHaveText(`Klage i sak ${reference}`);
  await expect(dpo.page.getByTestId("complaint-body")).toHaveText(complaintText);
  await expect(dpo.page.getByTestId("complaint-due")).toHaveText(due);
  await expect(dpo.page.getByTestId("case-link")).toHaveAttribute("href", `/staff/cases/${reference}`);
  await expectNoAxeViolations(dpo.page, "complaint page");

  await dpo.page.getByRole("button", { name: "Send svaret" }).click();
  await expect(dpo.page.locator(".ds-error-summary")).toContainText("Skriv et svar til innbyggeren.");
  await expectNoAxeViolations(dpo.page, "complaint page with error");
  const answer = `Jeg har sett på saken. Barnehagen sender deg resten av opplysningene. ${Date.now()}`;
  await dpo.page.getByLabel("Svaret ditt").fill(answer);
  await dpo.page.getByRole("button", { name: "Send svaret" }).click();
  await expect(dpo.page.getByTestId("flash")).toHaveText("Svaret er sendt til innbyggeren.");
  await expect(dpo.page.getByTestId("complaint-answer-text")).toHaveText(answer);
  await expect(dpo.page.getByTestId("complaint-status")).toHaveText("Besvart");
  await expectNoAxeViolations(dpo.page, "answered complaint");

  // The staff case page lists the complaint, with a link for the DPO.
  await dpo.page.goto(`/staff/cases/${reference}`);
  const caseComplaints = dpo.page.getByTestId("case-complaints");
  await expect(caseComplaints.locator('tr[data-status="answered"]')).toHaveCount(1);
  await expect(caseComplaints.getByRole("link", { name: /Les klagen fra/ })).toBeVisible();
  await expectNoAxeViolations(dpo.page, "staff case page with a complaint");
  await dpo.context.close();

  // The citizen: an e-mail without the answer, and the answer on the case page.
  const citizenMail = await waitForMail(page, { to: email, subjectIncludes: `Svar fra personvernombudet i sak ${reference}` });
  expect(citizenMail.text).toContain(`/my-cases/${reference}`);
  expect(citizenMail.text).not.toContain("resten av opplysningene");
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("complaint-answer")).toHaveText(answer);
  await expect(page.getByTestId("messages")).toContainText(answer);
  await expect(page.getByRole("button", { name: "Send klagen" })).toBeVisible();
  await expectNoAxeViolations(page, "case page with an answered complaint");

  // Another citizen: 404 for the case, and the form cannot be reached.
  const otherContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const other = await otherContext.newPage();
  await signInWithEmailCode(other, uniqueEmail("annen"));
  expect((await other.goto(`/my-cases/${reference}`))?.status()).toBe(404);
  await otherContext.close();
});

test("a caseworker gets 404 on the complaint pages and no link; a unit lead sees complaints read-only", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // An open complaint about a case of the unit lead's unit (Barnehage), written directly: this test
  // is about who sees it, not about filing.
  const reference = await createLinkedCase(page, uniqueEmail("klage-leder"), "barnehage", "Klage Testesen");
  const complaintId = await withDb(async (db) =>
    (
      await db.query(
        `INSERT INTO dpo_complaint (id, case_id, body, status, received_at, due_date)
           SELECT gen_random_uuid(), id, 'Klage skrevet av testen.', 'open', now(), current_date + 20 FROM request_case WHERE reference = $1
           RETURNING id`,
        [reference],
      )
    ).rows[0].id as string,
  );

  const kari = await staffSignIn(browser, "saksbehandler@demo.test");
  await expect(kari.page.getByRole("link", { name: "Klager", exact: true })).toHaveCount(0);
  expect((await kari.page.goto("/staff/complaints"))?.status()).toBe(404);
  expect((await kari.page.goto(`/staff/complaints/${complaintId}`))?.status()).toBe(404);
  await kari.context.close();

  const lead = await staffSignIn(browser, "leder@demo.test");
  expect((await lead.page.goto(`/staff/complaints/${complaintId}`))?.status()).toBe(404);
  await lead.page.goto("/staff/dashboard");
  const section = lead.page.getByTestId("dashboard-complaints");
  await expect(section).toContainText("Det er personvernombudet som svarer på dem.");
  // Read-only: the row links to the case, never to the complaint page.
  const row = section.locator(`tr[data-reference="${reference}"]`);
  await expect(row.getByRole("link", { name: reference })).toHaveAttribute("href", `/staff/cases/${reference}`);
  await expect(section.locator('a[href^="/staff/complaints"]')).toHaveCount(0);
  await expectNoAxeViolations(lead.page, "dashboard complaints for a unit lead");
  await lead.context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the citizen's complaint form: server-side error summary, then filed", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const email = uniqueEmail("klage-noscript");
    // Signing in needs the proof-of-work script (identity area): sign in with it, carry the cookie over.
    const withJs = await browser.newContext({ javaScriptEnabled: true, locale: "nb-NO", timezoneId: "Europe/Oslo" });
    let reference: string;
    try {
      const jsPage = await withJs.newPage();
      await signInWithEmailCode(jsPage, email);
      reference = await createLinkedCase(jsPage, email, "skole", "Klage Testesen");
      await page.context().addCookies(await withJs.cookies());
    } finally {
      await withJs.close();
    }
    await page.goto(`/my-cases/${reference}`);
    await expectNoAxeViolationsWithoutJs(browser, page, "complaint form without JavaScript");
    await page.getByLabel("Hva klager du på?").fill("For kort");
    await page.getByRole("button", { name: "Send klagen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Du må rette dette før du kan sende" });
    await expect(summary.getByRole("link", { name: "Skriv litt mer. Klagen må være minst 10 tegn." })).toHaveAttribute("href", "#complaint-body");
    await expect(page.getByLabel("Hva klager du på?")).toHaveValue("For kort");
    await expectNoAxeViolationsWithoutJs(browser, page, "complaint form with server-side error");
    await page.getByLabel("Hva klager du på?").fill("Skolen har ikke svart meg på det jeg spurte om.");
    await page.getByRole("button", { name: "Send klagen" }).click();
    await expect(page.getByTestId("complaint-filed")).toContainText("Klagen er sendt til personvernombudet.");
    await expectNoAxeViolationsWithoutJs(browser, page, "complaint filed without JavaScript");
    expect(await complaintCount(reference)).toBe(1);
  });
});
