// After the decision (issue 9, items 11, 12, 13, 19): the letter reads as a document in Mine saker
// with its PDF beside it, names the child the request is about, and what it promises holds: the
// requester can still write (a message, a file) for the follow-up period, the caseworker finds it
// under "Oppfølging" in the queue and answers it. The requester can open their own uploads.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, waitForMail, withDb } from "./support";
import { createLinkedCase, signInWithEmailCode } from "./citizen-login";
import { decideOnCasePage } from "./decide-case";
import { signInAsStaff } from "./staff-login";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

async function staffPage(browser: Browser, email = "saksbehandler@demo.test") {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}

test("a letter about a child, a follow-up message after the decision, and the caseworker's answer", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("oppfolging");
  await signInWithEmailCode(page, email);
  const child = `Nora Barnesen ${Date.now().toString(36)}`;
  const reference = await createLinkedCase(page, email, "barnehage", "Forelder Testesen", {
    onBehalfOf: "child",
    subjectName: child,
    declaration: true,
  });

  // The citizen's own upload opens from Mine saker.
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("case-concerns")).toHaveText(`${child} (barnet ditt)`);
  await page.getByLabel("Velg fil", { exact: true }).setInputFiles({ name: "fullmakt.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByTestId("file-picker-name")).toHaveText("fullmakt.pdf");
  await page.getByRole("button", { name: "Last opp fil" }).click();
  await expect(page.getByText("Filen er lastet opp.")).toBeVisible();
  const own = page.getByTestId("own-files").getByRole("link", { name: /fullmakt\.pdf/ });
  const [download] = await Promise.all([page.waitForEvent("download"), own.click()]);
  expect(download.suggestedFilename()).toBe("fullmakt.pdf");

  // The caseworker sees whom it concerns, decides "no data held" and sends the letter in the portal.
  const staff = await staffPage(browser);
  await staff.page.goto(`/staff/cases/${reference}`);
  await expect(staff.page.getByTestId("case-concerns")).toContainText(`${child} (barn av innbyggeren)`);
  await decideOnCasePage(staff.page, reference, { outcome: "Ingen opplysninger funnet" });
  const body = staff.page.getByLabel("Teksten i brevet");
  await expect(body).toHaveValue(new RegExp(`Forespørselen gjelder opplysninger om barnet ditt, ${child}\\.`));
  await expect(body).toHaveValue(/vi har ikke funnet noen/);
  await expect(body).toHaveValue(/svare på meldingen i «Mine saker» til og med/);
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(staff.page.getByText("Svarbrevet er sendt som sikker melding med PDF.")).toBeVisible();

  // The citizen reads it formatted, with the PDF beside it, and may still write.
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Innvilget");
  const letter = page.getByTestId("messages").locator("li[data-letter]");
  await expect(letter.getByRole("heading", { level: 3 })).toHaveText("Svar på forespørselen din om personopplysninger");
  await expect(letter.getByRole("heading", { level: 4 }).first()).toContainText("ingen opplysninger funnet");
  await expect(letter).not.toContainText("====");
  await expect(letter).toContainText(child);
  await expect(letter.getByRole("link", { name: /Last ned brevet som PDF/ })).toBeVisible();
  await expect(page.getByTestId("closed-notice")).toContainText("kan du skrive til kommunen her til og med");
  await expectNoAxeViolations(page, "closed case within the follow-up period");
  const question = `Jeg tror barnehagen har bilder av henne. ${Date.now()}`;
  await page.getByLabel("Ny melding til kommunen").fill(question);
  await page.getByRole("button", { name: "Send melding" }).click();
  await expect(page.getByText("Kommunen får beskjed om at du har skrevet i den avsluttede saken.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Innvilget");

  // Kari gets a mail (reference and link), and finds the case under "Oppfølging".
  const mail = await waitForMail(staff.page, { to: "saksbehandler@demo.test", subjectIncludes: `Ny melding i avsluttet sak ${reference}` });
  expect(mail.text).not.toContain("barnehagen har bilder");
  await staff.page.goto("/staff");
  await staff.page.getByRole("navigation", { name: "Faste visninger" }).getByRole("link", { name: /^Oppfølging \(\d+\)$/ }).click();
  await expect(staff.page).toHaveURL(/view=follow_up/);
  const row = staff.page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText("Ny melding etter avslutning");
  await expect(row).toContainText("Innvilget");
  await expectNoAxeViolations(staff.page, "queue: follow-up view");
  await row.getByRole("link", { name: reference }).click();
  await expect(staff.page.getByTestId("follow-up")).toContainText("Innbyggeren har skrevet etter at saken ble avsluttet");
  await expect(staff.page.getByTestId("messages")).toContainText(question);
  await expect(staff.page.getByTestId("messages").locator("li[data-letter]").getByRole("heading", { level: 3 })).toHaveText("Svar på forespørselen din om personopplysninger");
  await expectNoAxeViolations(staff.page, "case page with a follow-up");
  await staff.page.getByLabel("Melding til innbyggeren").fill("Vi har sjekket bildearkivet også, og fant ingenting om henne.");
  await staff.page.getByRole("button", { name: "Send til innbyggeren" }).click();
  await expect(staff.page.getByTestId("follow-up")).toHaveCount(0);
  const waiting = await withDb(async (db) => (await db.query("SELECT follow_up_at FROM request_case WHERE reference = $1", [reference])).rows[0]);
  expect(waiting.follow_up_at).toBeNull();
  await staff.context.close();
});

test("after the follow-up period the closed case takes no more messages, and says how to reach the municipality", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("for-sent");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Sen Testesen");
  const staff = await staffPage(browser);
  await decideOnCasePage(staff.page, reference, { outcome: "Ingen opplysninger funnet" });
  await staff.context.close();
  // Closed 62 days ago: past the 60-day period (61 is the next Oslo date late in the UTC evening in summer time).
  await withDb((db) => db.query("UPDATE request_case SET closed_at = now() - interval '62 days' WHERE reference = $1", [reference]));
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("closed-notice")).toContainText("du kan ikke lenger sende meldinger eller filer i den");
  await expect(page.getByTestId("closed-notice")).toContainText("postmottak@bergen.kommune.no");
  await expect(page.getByTestId("closed-notice")).toContainText(reference);
  await expect(page.getByLabel("Ny melding til kommunen")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Last opp fil" })).toHaveCount(0);
  await expectNoAxeViolations(page, "closed case after the follow-up period");
});
