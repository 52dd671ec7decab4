// Nobody learns about a missed deadline from Datatilsynet: a case that passes its deadline is
// escalated by the reminder job, the DPO gets an e-mail with only the reference and a link, follows
// it to the case and finds the case on the dashboard's overdue list. No waiting for a month or for a
// schedule tick: the demo clock (/demo/clock) moves the portal past the due date and runs the daily
// jobs at once, through the same job code as a tick; afterwards the clock is put back.
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, waitForMail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { moveClockTo, portalDate, resetClock, runDailyJobs } from "./clock";

const DPO = "personvernombud@demo.test";

test.afterEach(async ({ page }) => {
  await resetClock(page);
});

test("an overdue case is escalated to the DPO by e-mail and shows on the dashboard", async ({ page }) => {
  const name = "Eskalert Innbygger";
  const created = await page.request.post("/api/v1/requests", {
    data: {
      rights: ["access"],
      name,
      email: uniqueEmail("escalation"),
      unit: "skole",
      description: "Hva har skolen lagret om meg?",
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  const { due } = await withDb(async (db) => (await db.query(`SELECT due_date::text AS due FROM request_case WHERE reference = $1`, [reference])).rows[0] as { due: string });
  const today = await portalDate(page);
  expect(due > today).toBe(true);
  await expectNoAxeViolations(page, "demo clock at the real time");

  // Before the due date has passed, a run of the jobs escalates nothing for this case.
  await runDailyJobs(page);
  const escalations = () =>
    withDb(async (db) =>
      (
        await db.query(
          `SELECT r.kind, (SELECT count(*)::int FROM mail_outbox m WHERE m.case_id = c.id AND m.to_address = $2) AS dpo_mails
             FROM case_reminder r JOIN request_case c ON c.id = r.case_id WHERE c.reference = $1 ORDER BY r.kind`,
          [reference, DPO],
        )
      ).rows.map((r: { kind: string; dpo_mails: number }) => `${r.kind}:${r.dpo_mails}`),
    );
  expect(await escalations()).toEqual([]);

  // The day after the due date: the portal's date moves, the case is now overdue (and was never assigned).
  await moveClockTo(page, addDays(due, 1));
  await expect(page.getByTestId("demo-banner")).toContainText("Portalens dato er flyttet til");
  await expectNoAxeViolations(page, "demo clock moved");
  await runDailyJobs(page);
  await expectNoAxeViolations(page, "demo clock after the jobs ran");

  const mail = await waitForMail(page, { to: DPO, subjectIncludes: reference, timeoutMs: 45_000 });
  expect(mail.subject).toBe(`Sak ${reference} trenger oppfølging`);
  expect(mail.text).not.toContain(name);
  expect(mail.text).not.toContain("skolen lagret");
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  expect(link).toMatch(new RegExp(`/staff/cases/${reference}$`));
  // Both escalations (past the deadline, and never assigned), each recorded and mailed once.
  expect(await escalations()).toEqual(["overdue:2", "unassigned_3wd:2"]);
  // Running the jobs again sends nothing new.
  await runDailyJobs(page);
  expect(await escalations()).toEqual(["overdue:2", "unassigned_3wd:2"]);

  await signInAsStaff(page, DPO);
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  // The dashboard counts by the portal's date: the case is overdue there.
  await page.goto("/staff/dashboard");
  const overdue = page.getByRole("table", { name: /fristen har gått ut/ });
  await expect(overdue.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) })).toHaveCount(1);
  // And the DPO can see that the warning system runs: when the reminder job last finished, and what it
  // sent in the last 7 days of the portal's time (the two escalations above among them).
  const jobs = page.getByTestId("job-status");
  const reminderRow = jobs.getByRole("row").filter({ hasText: "Påminnelser og eskaleringer" });
  await expect(reminderRow.getByRole("cell").first()).not.toHaveText("Ikke kjørt ennå");
  const counts = (await jobs.innerText()).match(/Siste 7 dager: (\d+) påminnelser? om frister og (\d+) eskaleringe?r?/);
  expect(counts, "job status counts").not.toBeNull();
  expect(Number(counts![2])).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(page, "dashboard with an escalated case");

  // Back to the real time: the same case is not overdue any more on the dashboard.
  await resetClock(page);
  await page.goto("/staff/dashboard");
  await expect(page.getByRole("table", { name: /fristen har gått ut/ }).getByRole("link", { name: reference })).toHaveCount(0);
});
