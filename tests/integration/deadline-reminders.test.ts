// The deadline-reminder job against the real database with a controlled clock (no real waiting):
// each (case, kind, due date) is recorded and mailed exactly once, also with runs in parallel; an
// extension gives a new due date and so new reminders; the outbox holds only a reference and a link.
// Cases are received in 2020-2021, far from the other tests' cases (which are "in the future" for
// these runs and so never due); every assertion is filtered by this file's own case ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { submitRequest } from "@/lib/cases/submit-request";
import { claimCase } from "@/lib/cases/claim-case";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { markComplex } from "@/lib/cases/mark-complex";
import { addDays } from "@/lib/domain/calendar";
import type { Actor } from "@/lib/domain/policy";
import { runDeadlineReminders } from "@/lib/jobs/deadline-reminders";
import { validRequest, staffActorByEmail as staff } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
const KARI = "saksbehandler@demo.test"; // caseworker: barnehage, skole
const LEDER = "leder@demo.test"; // unit lead: barnehage, skole
const DPO = "personvernombud@demo.test";

let kari: Staff;

/** A case received at 09:00 UTC on the date (10:00 in Oslo, same date). */
async function newCase(receivedDate: string, unit = "barnehage") {
  return submitRequest(validRequest({ unit }), { locale: "nb", now: new Date(`${receivedDate}T09:00:00Z`) });
}

/** One run of the job "on" the Oslo date (08:00 UTC). */
function runOn(date: string) {
  return runDeadlineReminders({ now: new Date(`${date}T08:00:00Z`) });
}

/**
 * Runs on the date and returns the result with the reminder rows written meanwhile (by sent_at):
 * files run one after another, so those are exactly the run's own, whatever else the database holds.
 */
async function runCounted(...dates: string[]) {
  const from = new Date();
  const results = await Promise.all(dates.map((d) => runOn(d)));
  const written = await db().caseReminder.findMany({ where: { sentAt: { gte: from, lte: new Date() } }, select: { caseId: true, kind: true } });
  return { results, written };
}

async function reminders(caseId: string) {
  const rows = await db().caseReminder.findMany({ where: { caseId }, orderBy: [{ dueDate: "asc" }, { kind: "asc" }] });
  return rows.map((r) => `${r.kind}@${dbDateToIso(r.dueDate)}`);
}

/** Reminder mails of the case in the outbox, as "address template" -> count. */
async function mails(caseId: string): Promise<Record<string, number>> {
  const rows = await db().mailOutbox.findMany({
    // Other test files create extra (active) DPOs, who rightly get escalations too: count the demo staff.
    where: { caseId, template: { in: ["deadline_reminder", "escalation"] }, toAddress: { endsWith: "@demo.test" } },
    select: { toAddress: true, template: true },
  });
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.toAddress} ${r.template}`] = (out[`${r.toAddress} ${r.template}`] ?? 0) + 1;
  return out;
}

async function version(caseId: string) {
  return (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

beforeAll(async () => {
  kari = await staff(KARI);
});

afterAll(async () => {
  await disconnectDb();
});

describe("deadline reminders", () => {
  it("sends each threshold once to the assignee and escalates an overdue case to the unit lead and the DPO", async () => {
    const c = await newCase("2020-02-03"); // Monday
    await claimCase(kari, { caseId: c.caseId, now: new Date("2020-02-03T10:00:00Z") });
    const due = c.dueDate;

    await runOn(addDays(due, -8));
    expect(await reminders(c.caseId)).toEqual([]);

    for (const day of [-7, -7, -6, -3]) await runOn(addDays(due, day));
    expect(await reminders(c.caseId)).toEqual([`due_7@${due}`]);
    expect(await mails(c.caseId)).toEqual({ [`${KARI} deadline_reminder`]: 1 });

    for (const day of [-2, -1, 0]) await runOn(addDays(due, day));
    expect(await reminders(c.caseId)).toEqual([`due_2@${due}`, `due_7@${due}`]);
    expect(await mails(c.caseId)).toEqual({ [`${KARI} deadline_reminder`]: 2 });

    const { results: [first], written } = await runCounted(addDays(due, 1));
    expect(first!.sent).toBe(written.length);
    expect(written).toContainEqual({ caseId: c.caseId, kind: "overdue" });
    await runOn(addDays(due, 1));
    await runOn(addDays(due, 30));
    expect(await reminders(c.caseId)).toEqual([`due_2@${due}`, `due_7@${due}`, `overdue@${due}`]);
    expect(await mails(c.caseId)).toEqual({
      [`${KARI} deadline_reminder`]: 2,
      [`${LEDER} escalation`]: 1,
      [`${DPO} escalation`]: 1,
    });
  });

  it("two runs in parallel still give exactly one row and one mail per (case, kind, due date)", async () => {
    const c = await newCase("2020-06-01"); // unassigned
    const day = addDays(c.dueDate, -7);
    const { results, written } = await runCounted(day, day, day, day);
    expect(await reminders(c.caseId)).toEqual([`due_7@${c.dueDate}`, `unassigned_3wd@${c.dueDate}`]);
    // Unassigned: the reminder goes to the unit lead; the escalation to the unit lead and the DPO.
    expect(await mails(c.caseId)).toEqual({
      [`${LEDER} deadline_reminder`]: 1,
      [`${LEDER} escalation`]: 1,
      [`${DPO} escalation`]: 1,
    });
    // Each new reminder was written by exactly one run (this case's two among them), and every run
    // went through the same due reminders (sent, already sent or without a recipient).
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(written.length);
    expect(written.filter((w) => w.caseId === c.caseId)).toHaveLength(2);
    const seen = results.map((r) => r.sent + r.alreadySent + r.noRecipient);
    expect(new Set(seen).size).toBe(1);

    await Promise.all([runOn(addDays(c.dueDate, 1)), runOn(addDays(c.dueDate, 1))]);
    expect(await mails(c.caseId)).toEqual({
      [`${LEDER} deadline_reminder`]: 1,
      [`${LEDER} escalation`]: 2,
      [`${DPO} escalation`]: 2,
    });
  });

  it("walks the open cases in batches: every case past the first batch gets its reminder once, also with two runs at a time", async () => {
    const cases = [];
    for (let i = 0; i < 5; i++) cases.push(await newCase("2021-09-06")); // Monday; unassigned
    const day = addDays(cases[0]!.dueDate, 1); // overdue
    const results = await Promise.all([
      runDeadlineReminders({ now: new Date(`${day}T08:00:00Z`), batchSize: 2 }),
      runDeadlineReminders({ now: new Date(`${day}T08:00:00Z`), batchSize: 3 }),
    ]);
    for (const c of cases) {
      expect(await reminders(c.caseId)).toEqual([`overdue@${c.dueDate}`, `unassigned_3wd@${c.dueDate}`]);
      expect(await mails(c.caseId)).toEqual({
        "leder@demo.test escalation": 2,
        "personvernombud@demo.test escalation": 2,
      });
    }
    // Both runs looked at every case (in batches), and between them sent each reminder once.
    for (const r of results) expect(r.cases).toBeGreaterThanOrEqual(5);
  });

  it("escalates an unassigned case after 3 working days, counting Easter as non-working", async () => {
    const c = await newCase("2021-03-31", "skole"); // Wednesday before Easter 2021 (1-5 April are holidays)
    await runOn("2021-04-07"); // Tue 6 (1), Wed 7 (2)
    expect(await reminders(c.caseId)).toEqual([]);
    await Promise.all([runOn("2021-04-08"), runOn("2021-04-08")]); // Thu 8 (3)
    expect(await reminders(c.caseId)).toEqual([`unassigned_3wd@${c.dueDate}`]);
    expect(await mails(c.caseId)).toEqual({ [`${LEDER} escalation`]: 1, [`${DPO} escalation`]: 1 });
  });

  it("a case without a unit falls to the DPO while nobody is assigned", async () => {
    const c = await newCase("2021-06-01", "");
    await runOn(addDays(c.dueDate, -2));
    expect(await reminders(c.caseId)).toEqual([`due_2@${c.dueDate}`, `unassigned_3wd@${c.dueDate}`]);
    expect(await mails(c.caseId)).toEqual({ [`${DPO} deadline_reminder`]: 1, [`${DPO} escalation`]: 1 });
  });

  it("reminds about a complex case before the one-month date, and an extension allows new reminders", async () => {
    const c = await newCase("2020-10-05"); // Monday
    await claimCase(kari, { caseId: c.caseId, now: new Date("2020-10-05T10:00:00Z") });
    await markComplex(kari, { reference: c.reference, complex: true, expectedVersion: await version(c.caseId), now: new Date("2020-10-06T10:00:00Z") });
    const oneMonth = c.dueDate;

    await runOn(addDays(oneMonth, -6));
    expect(await reminders(c.caseId)).toEqual([`due_7@${oneMonth}`]);
    await Promise.all([runOn(addDays(oneMonth, -5)), runOn(addDays(oneMonth, -5))]);
    expect(await reminders(c.caseId)).toEqual([`due_7@${oneMonth}`, `extension_notice@${oneMonth}`]);
    expect(await mails(c.caseId)).toEqual({ [`${KARI} deadline_reminder`]: 2 });

    const extended = await extendDeadline(kari, {
      reference: c.reference,
      reason: "Mange systemer må gjennomgås for denne forespørselen.",
      ground: "number_of_requests",
      expectedVersion: await version(c.caseId),
      now: new Date(`${addDays(oneMonth, -4)}T10:00:00Z`),
    });
    expect(extended.dueDate > oneMonth).toBe(true);

    // Extended: no more extension notice, and no reminders about the old date.
    for (const day of [-3, 0, 1]) await runOn(addDays(oneMonth, day));
    expect(await reminders(c.caseId)).toEqual([`due_7@${oneMonth}`, `extension_notice@${oneMonth}`]);

    // The new due date gets its own reminders.
    await Promise.all([runOn(addDays(extended.dueDate, -7)), runOn(addDays(extended.dueDate, -7))]);
    await runOn(addDays(extended.dueDate, -2));
    expect(await reminders(c.caseId)).toEqual([
      `due_7@${oneMonth}`,
      `extension_notice@${oneMonth}`,
      `due_2@${extended.dueDate}`,
      `due_7@${extended.dueDate}`,
    ]);
    expect(await mails(c.caseId)).toEqual({ [`${KARI} deadline_reminder`]: 4 });
  });

  it("puts only the reference and a staff link in the outbox", async () => {
    const c = await newCase("2019-05-06");
    await runOn(addDays(c.dueDate, 3));
    const rows = await db().mailOutbox.findMany({ where: { caseId: c.caseId, template: { in: ["deadline_reminder", "escalation"] } } });
    // Unassigned and three days overdue: two escalations, each to the unit lead and the DPO.
    expect(await reminders(c.caseId)).toEqual([`overdue@${c.dueDate}`, `unassigned_3wd@${c.dueDate}`]);
    expect(await mails(c.caseId)).toEqual({ [`${LEDER} escalation`]: 2, [`${DPO} escalation`]: 2 });
    expect(rows.filter((r) => r.toAddress.endsWith("@demo.test"))).toHaveLength(4);
    for (const row of rows) {
      expect(row.locale).toBe("nb");
      expect(row.params).toEqual({ reference: c.reference, link: `${process.env.PUBLIC_URL}/staff/cases/${c.reference}` });
    }
  });

  it("sends nothing for a closed case", async () => {
    const c = await newCase("2019-09-02");
    await db().case.update({ where: { id: c.caseId }, data: { status: "withdrawn", closedAt: new Date("2019-09-03T10:00:00Z") } });
    await runOn(addDays(c.dueDate, -2));
    await runOn(addDays(c.dueDate, 5));
    expect(await reminders(c.caseId)).toEqual([]);
    expect(await mails(c.caseId)).toEqual({});
  });
});
