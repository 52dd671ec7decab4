// A pause and the deadline reminders, shown with the demo clock instead of weeks of waiting: a
// caseworker asks the requester (the case's clock stops), the portal's date is moved on (while the
// case waits, the reminder job sends nothing for it), the answer is recorded on the day it came (the
// due date moves by the days paused), then the clock is moved to 7 and to 2 days before the new due
// date and the daily jobs are run: one reminder each, to the assignee, with a reference and a link
// only. The clock page works without JavaScript (plain forms). Afterwards the clock is put back.
import { expect, test } from "@playwright/test";
import { daysFromTo, expectedDueDate, osloDate } from "./legal-dates";
import { addDays, formatDateLong } from "@/lib/domain/calendar";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, waitForMail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { openCaseAction } from "./case-actions";
import { moveClockTo, portalDate, resetClock, runDailyJobs } from "./clock";

const KARI = "saksbehandler@demo.test";
const MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

test.afterEach(async ({ page }) => {
  await resetClock(page);
});

test("a pause stops the deadline, and the 7- and 2-day reminders come on their days", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const created = await page.request.post("/api/v1/requests", {
    data: {
      rights: ["access"],
      name: "Klokke Innbygger",
      email: uniqueEmail("clock"),
      unit: "skole",
      description: "Hva har skolen lagret om meg?",
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  // Staff reminders only: a case that waits over three weeks also warns the requester that it may
  // close unanswered (tests/e2e/clock-unanswered.spec.ts covers that).
  const reminders = () =>
    withDb(async (db) =>
      (
        await db.query(
          `SELECT r.kind, r.due_date::text AS due,
                  (SELECT count(*)::int FROM mail_outbox m WHERE m.case_id = c.id AND m.to_address = $2 AND m.template = 'deadline_reminder') AS mails
             FROM case_reminder r JOIN request_case c ON c.id = r.case_id WHERE c.reference = $1 AND r.kind <> 'requester_unanswered' ORDER BY r.kind`,
          [reference, KARI],
        )
      ).rows.map((r: { kind: string; due: string; mails: number }) => `${r.kind}@${r.due}:${r.mails}`),
    );

  // Kari takes the case and asks the requester: the case waits, its clock stands still.
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
  const before = await withDb(async (db) =>
    (
      await db.query(
        `SELECT c.received_at, c.due_date::text AS due, p.started_at FROM request_case c JOIN case_pause p ON p.case_id = c.id WHERE c.reference = $1`,
        [reference],
      )
    ).rows[0] as { received_at: Date; due: string; started_at: Date },
  );

  // A week on, with JavaScript off: the clock page is plain forms.
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO", timezoneId: "Europe/Oslo" });
  try {
    const plain = await noJs.newPage();
    await plain.goto("/demo/clock");
    const start = await plain.getByTestId("demo-clock-portal-date").getAttribute("data-date");
    await plain.getByRole("button", { name: "7 dager fram", exact: true }).click();
    await expect(plain.getByTestId("demo-clock-notice")).toHaveText("Klokka er flyttet.");
    await expect(plain.getByTestId("demo-clock-portal-date")).toHaveAttribute("data-date", addDays(start!, 7));
    await expectNoAxeViolationsWithoutJs(browser, plain, "demo clock without JavaScript");
  } finally {
    await noJs.close();
  }

  // Two days before the old due date, still waiting: without the pause this would be the 2-day
  // reminder; paused, the job sends nothing for the case.
  const answeredOn = addDays(before.due, -2);
  await moveClockTo(page, answeredOn);
  await runDailyJobs(page);
  expect(await reminders()).toEqual([]);

  // The answer came today (the portal's today): the deadline moves by the days the case waited.
  // The new due date by the legal rules (tests/e2e/legal-dates.ts, not the code under test).
  const pausedDays = daysFromTo(osloDate(before.started_at), answeredOn);
  expect(pausedDays).toBeGreaterThan(20);
  const newDue = expectedDueDate(before.received_at, pausedDays);
  await page.goto(`/staff/cases/${reference}`);
  await openCaseAction(page, "Svar mottatt");
  const form = page.locator("#resume");
  await form.getByLabel("Datoen svaret kom").fill(answeredOn);
  await form.getByRole("button", { name: "Gå videre" }).click();
  const confirm = page.getByTestId("resume-confirm");
  await expect(confirm).toContainText(`Svaret kom ${formatDateLong(answeredOn, "nb")}. Fristen sto stille i ${pausedDays} dager.`);
  await expect(confirm).toContainText(`Ny frist blir ${formatDateLong(newDue, "nb")}.`);
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen løper igjen");
  await expect(page.getByTestId("due-date")).toContainText(formatDateLong(newDue, "nb"));
  // The timeline reads in the portal's time: the resumption is dated on the moved day.
  const resumed = page.getByTestId("timeline").getByRole("listitem").filter({ hasText: `Fristen løper igjen. Ny frist: ${formatDateLong(newDue, "nb")}.` });
  await expect(resumed).toContainText(`${Number(answeredOn.slice(8))}. ${MONTHS_NB[Number(answeredOn.slice(5, 7)) - 1]} ${answeredOn.slice(0, 4)} kl.`);

  // 7 days before the new due date: the 7-day reminder, to Kari, reference and link only.
  await moveClockTo(page, addDays(newDue, -7));
  expect(await portalDate(page)).toBe(addDays(newDue, -7));
  await runDailyJobs(page);
  expect(await reminders()).toEqual([`due_7@${newDue}:1`]);
  // The run mails every open case of the suite that reaches a reminder day (hundreds): allow for the queue.
  const mail = await waitForMail(page, { to: KARI, subjectIncludes: reference, timeoutMs: 45_000 });
  expect(mail.subject).toBe(`Frist nærmer seg i sak ${reference}`);
  expect(mail.text).not.toContain("Klokke Innbygger");
  expect(mail.text).toMatch(new RegExp(`/staff/cases/${reference}\\b`));
  // Running again the same day sends nothing new.
  await runDailyJobs(page);
  expect(await reminders()).toEqual([`due_7@${newDue}:1`]);

  // 2 days before: the 2-day reminder.
  await moveClockTo(page, addDays(newDue, -2));
  await runDailyJobs(page);
  expect(await reminders()).toEqual([`due_2@${newDue}:2`, `due_7@${newDue}:2`]);
  await expectNoAxeViolations(page, "demo clock after the 2-day reminder");
});
