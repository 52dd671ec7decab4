// A case whose requester never answers (issue 13, item 2), walked with the demo clock: the
// caseworker asks, the case page says when the requester will be reminded and when the case may
// close; 23 days on the daily jobs send the reminder (a secure message, a mail with a reference and
// a link only); the close action is offered only from day 30, with a confirmation step, and the
// requester gets the letter with the complaint information. The admin's page "Saksregler" sets
// the period (error summary on bad input). Afterwards the clock and the period are put back.
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { offeredActions, openCaseAction } from "./case-actions";
import { moveClockTo, portalDate, resetClock, runDailyJobs } from "./clock";

const KARI = "saksbehandler@demo.test";
const CLOSE = "Avslutt: opplysningene kom ikke";

test.afterEach(async ({ page }) => {
  await resetClock(page);
  await withDb((db) => db.query(`UPDATE municipality SET unanswered_close_days = NULL WHERE id = 'bergen'`));
});

test("an unanswered case is reminded on day 23 and can be closed as not processed from day 30", async ({ page }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("unanswered");
  const created = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Svarlaus Innbygger", email, unit: "skole", description: "Hva har skolen lagret om meg?", submissionKey: crypto.randomUUID() },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };

  await signInAsStaff(page, KARI);
  await page.goto(`/staff?q=${reference}`);
  await page.locator(`tr[data-reference="${reference}"]`).getByRole("button", { name: `Ta saken ${reference}` }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText(`Du har tatt sak ${reference}.`);
  await page.goto(`/staff/cases/${reference}`);
  await openCaseAction(page, "Be om opplysninger");
  await page.getByLabel("Hva trenger du fra innbyggeren?").fill("Hvilken skole gjelder det?");
  await page.locator("#ask").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen står stille");
  const askedOn = await portalDate(page);

  // The case page tells when the reminder goes and when the case may close; no close action yet.
  await page.goto(`/staff/cases/${reference}`);
  const info = page.getByTestId("unanswered-info");
  await expect(info).toHaveAttribute("data-state", "waiting");
  await expect(info).toContainText("Frist for svar etter kommunens regel: 30 dager.");
  expect(await offeredActions(page)).not.toContain(CLOSE);

  // Day 23: the daily jobs remind the requester, once.
  await moveClockTo(page, addDays(askedOn, 23));
  await runDailyJobs(page);
  await runDailyJobs(page);
  // The question and the reminder: two "new message" mails, with the reference and a link only.
  const mails = await withDb(async (db) =>
    (
      await db.query(`SELECT m.params::text AS params FROM mail_outbox m JOIN request_case c ON c.id = m.case_id WHERE c.reference = $1 AND m.template = 'new_message' AND m.to_address = $2`, [
        reference,
        email.toLowerCase(),
      ])
    ).rows.map((r: { params: string }) => r.params),
  );
  expect(mails).toHaveLength(2);
  for (const params of mails) expect(params).not.toMatch(/avslutter|Svarlaus/);
  await page.goto(`/staff/cases/${reference}`);
  await expect(info).toHaveAttribute("data-state", "warned");
  expect(await offeredActions(page)).not.toContain(CLOSE);
  await expect(page.getByTestId("timeline")).toContainText("Innbyggeren fikk påminnelse om at saken avsluttes uten behandling");
  const warnings = await withDb(async (db) =>
    Number(
      (await db.query(`SELECT count(*)::int AS n FROM case_reminder r JOIN request_case c ON c.id = r.case_id WHERE c.reference = $1 AND r.kind = 'requester_unanswered'`, [reference])).rows[0].n,
    ),
  );
  expect(warnings).toBe(1);

  // Day 30: closable, with a confirmation step; the requester gets the letter.
  await moveClockTo(page, addDays(askedOn, 30));
  await page.goto(`/staff/cases/${reference}`);
  await expect(info).toHaveAttribute("data-state", "closable");
  await openCaseAction(page, CLOSE);
  await expectNoAxeViolations(page, "close unanswered form");
  await page.locator("#closeUnanswered").getByRole("button", { name: "Avslutt saken: opplysningene kom ikke" }).click();
  await expect(page.getByTestId("closeUnanswered-confirm")).toContainText("Saken avsluttes som «Ikke behandlet»");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByText("Saken er avsluttet som ikke behandlet.").first()).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Saken ble avsluttet som ikke behandlet");
  await expectNoAxeViolations(page, "case closed as not processed");
  const letter = await withDb(async (db) =>
    String(
      (await db.query(`SELECT m.body FROM message m JOIN request_case c ON c.id = m.case_id WHERE c.reference = $1 AND m.kind = 'to_requester' ORDER BY m.created_at DESC LIMIT 1`, [reference])).rows[0]
        .body,
    ),
  );
  expect(letter).toContain("Forespørselen din er avsluttet uten behandling");
  expect(letter).toContain("Postboks 458 Sentrum, 0105 Oslo");
  expect(letter).toMatch(/tre uker/);
  expect(await withDb(async (db) => (await db.query(`SELECT status::text AS s FROM request_case WHERE reference = $1`, [reference])).rows[0].s)).toBe("not_processed");
});

test("the admin sets the period on Saksregler, with an error summary for bad input", async ({ page }) => {
  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await page.getByRole("link", { name: "Saksregler" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saksregler" })).toBeVisible();
  await expect(page.getByTestId("unanswered-assumption")).toContainText("30 dager");
  await expectNoAxeViolations(page, "admin case rules");
  const field = page.getByLabel("Dager før en sak uten svar kan avsluttes");
  await field.fill("7");
  await page.getByRole("button", { name: "Lagre" }).click();
  const summary = page.getByRole("heading", { name: "Rett opp dette før du lagrer" });
  await expect(summary).toBeVisible();
  await expect(page.getByText("Antall dager må være fra 14 til 365.").first()).toBeVisible();
  await expectNoAxeViolations(page, "admin case rules with an error");
  await page.getByLabel("Dager før en sak uten svar kan avsluttes").fill("45");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("Saksreglene er lagret.")).toBeVisible();
  await expect(page.getByLabel("Dager før en sak uten svar kan avsluttes")).toHaveValue("45");
  await expect(page.getByTestId("unanswered-assumption")).toHaveCount(0);
});
