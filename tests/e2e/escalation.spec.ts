// Nobody learns about a missed deadline from Datatilsynet: a case that passes its deadline is
// escalated by the job runner inside the app (pg-boss, on its schedule: every minute in this test
// run), the DPO gets an e-mail with only the reference and a link, follows it to the case and finds
// the case on the dashboard's overdue list.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, waitForMail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

const DPO = "personvernombud@demo.test";

test("an overdue case is escalated to the DPO by e-mail and shows on the dashboard", async ({ page }) => {
  // A schedule tick comes at most once a minute, plus pg-boss's half-minute cron check.
  test.setTimeout(240_000);
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
  // Overdue without waiting a month: received 40 days ago, due 8 days ago.
  await withDb((db) =>
    db.query(
      `UPDATE request_case
          SET received_at = now() - interval '40 days', one_month_due_date = current_date - 8, due_date = current_date - 8
        WHERE reference = $1`,
      [reference],
    ),
  );

  // Nothing is triggered by hand: the app's own scheduler finds the case and mails the DPO.
  const mail = await waitForMail(page, { to: DPO, subjectIncludes: reference, timeoutMs: 200_000 });
  expect(mail.subject).toBe(`Sak ${reference} trenger oppfølging`);
  expect(mail.text).not.toContain(name);
  expect(mail.text).not.toContain("skolen lagret");
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  expect(link).toMatch(new RegExp(`/staff/cases/${reference}$`));
  // Both escalations (past the deadline, and never assigned), each recorded and mailed once.
  await expect
    .poll(async () => {
      const recorded = await withDb((db) =>
        db.query(
          `SELECT r.kind, (SELECT count(*)::int FROM mail_outbox m WHERE m.case_id = c.id AND m.to_address = $2) AS dpo_mails
             FROM case_reminder r JOIN request_case c ON c.id = r.case_id WHERE c.reference = $1 ORDER BY r.kind`,
          [reference, DPO],
        ),
      );
      return recorded.rows.map((r: { kind: string; dpo_mails: number }) => `${r.kind}:${r.dpo_mails}`);
    })
    .toEqual(["overdue:2", "unassigned_3wd:2"]);

  await signInAsStaff(page, DPO);
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  await page.goto("/staff/dashboard");
  const overdue = page.getByRole("table", { name: /fristen har gått ut/ });
  await expect(overdue.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) })).toHaveCount(1);
  // And the DPO can see that the warning system runs: when the reminder job last finished, and what it sent.
  const jobs = page.getByTestId("job-status");
  const reminderRow = jobs.getByRole("row").filter({ hasText: "Påminnelser og eskaleringer" });
  await expect(reminderRow.getByRole("cell").first()).not.toHaveText("Ikke kjørt ennå");
  await expect(jobs).toContainText(/Siste 7 dager: \d+ påminnelser? om frister og \d+ eskaleringe?r?/);
  await expectNoAxeViolations(page, "dashboard with an escalated case");
});
