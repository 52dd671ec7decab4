// The pg-boss job runner against the real database, as two app instances would run it: schedules
// are registered once whatever the number of instances, a job queued on either instance runs the
// real reminder job, and however many runs and instances there are, each reminder is sent once.
// A failing run is kept for retry. The clock of the reminder job is controlled (no real waiting
// for a schedule tick: that path is covered by the e2e escalation test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { runDeadlineReminders } from "@/lib/jobs/deadline-reminders";
import { dashboardJobStatus } from "@/lib/dashboard/job-status";
import { isDomainError } from "@/lib/domain/errors";
import { JOB_NAMES, startJobRunner, type JobName, type JobRunner } from "@/lib/jobs/job-runner";
import { validRequest, waitFor } from "./helpers";

// Received in 2019, so no other test file's cases are due on this file's "today".
const NOW = new Date("2019-03-04T08:00:00Z"); // a Monday, 09:00 in Oslo
const runs: { instance: string; job: JobName }[] = [];
/** The next run of this job fails (other jobs, e.g. a schedule tick, run normally). */
let failNextRunOf: JobName | null = null;
let a: JobRunner;
let b: JobRunner;
let caseId: string;

function runner(instance: string) {
  return startJobRunner({
    pollingIntervalSeconds: 0.5,
    runJob: async (job) => {
      runs.push({ instance, job });
      if (failNextRunOf === job) {
        failNextRunOf = null;
        throw new Error("simulated failure");
      }
      if (job === "deadline-reminders") return runDeadlineReminders({ now: NOW });
      return { skipped: true };
    },
  });
}

beforeAll(async () => {
  [a, b] = await Promise.all([runner("a"), runner("b")]);
  // Received 2 January 2019, due 4 February, never assigned: overdue and unassigned on 4 March.
  const c = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date("2019-01-02T09:00:00Z") });
  caseId = c.caseId;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await disconnectDb();
}, 60_000);

describe("job runner (pg-boss)", () => {
  it("registers one schedule per job in Oslo time, however many instances start", async () => {
    const schedules = (await a.boss.getSchedules()) as { name: string; cron: string; timezone: string }[];
    expect(schedules.map((s) => s.name).sort()).toEqual([...JOB_NAMES].sort());
    for (const s of schedules) expect(s.timezone).toBe("Europe/Oslo");
    expect(schedules.find((s) => s.name === "deadline-reminders")?.cron).toBe("*/30 7-16 * * 1-5");
  });

  it("runs queued reminder jobs on both instances, and every reminder goes out exactly once", async () => {
    const before = runs.filter((r) => r.job === "deadline-reminders").length;
    // Four runs queued through both instances at the same moment, like four schedule ticks.
    await Promise.all([a.trigger("deadline-reminders"), b.trigger("deadline-reminders"), a.trigger("deadline-reminders"), b.trigger("deadline-reminders")]);
    await waitFor(() => runs.filter((r) => r.job === "deadline-reminders").length >= before + 4 || null, 30_000);
    // Let the last run's transaction settle.
    await waitFor(async () => ((await a.boss.getQueueSize("deadline-reminders", { before: "completed" })) === 0 ? true : null), 30_000);

    const reminders = await db().caseReminder.findMany({ where: { caseId }, select: { kind: true } });
    const kinds = reminders.map((r) => r.kind).sort();
    expect(kinds).toEqual(["overdue", "unassigned_3wd"]);
    const mails = await db().mailOutbox.findMany({
      where: { caseId, template: "escalation", toAddress: { in: ["personvernombud@demo.test", "leder@demo.test"] } },
      select: { toAddress: true },
    });
    // Two escalations (overdue, unassigned), each to the unit lead and the DPO: four mails, not sixteen.
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      "leder@demo.test",
      "leder@demo.test",
      "personvernombud@demo.test",
      "personvernombud@demo.test",
    ]);
  }, 60_000);

  it("keeps a failed run for a retry instead of dropping it", async () => {
    failNextRunOf = "daily-digest";
    const id = await a.trigger("daily-digest");
    expect(id).toBeTruthy();
    const job = await waitFor(async () => {
      const found = await a.boss.getJobById("daily-digest", id!);
      return found && found.state === "retry" ? found : null;
    }, 30_000);
    // Retried later (retryDelay with backoff), not at once and not dropped.
    expect(new Date(job.startAfter).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(failNextRunOf).toBeNull();
  }, 60_000);

  it("the dashboard shows when each job last finished or failed, and what was sent in the last 7 days", async () => {
    // On its own: a reminder run that completes and a digest run that fails, both made here, and
    // the escalations counted as a difference (other files' reminders are in the same tables).
    const dpoUser = await db().user.findUniqueOrThrow({ where: { email: "personvernombud@demo.test" }, select: { id: true } });
    const dpoActor = { kind: "staff" as const, userId: dpoUser.id, roles: ["dpo" as const], unitIds: [] };
    await runDeadlineReminders({ now: NOW }); // whatever else is due on NOW is sent first, not counted below
    const before = await dashboardJobStatus(dpoActor);
    const started = Date.now();
    // Cases of its own: one overdue and never assigned on NOW (two escalations), one due in 7 days
    // (received Monday 11 February, due Monday 11 March) and unassigned: a reminder and an escalation.
    const own = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date("2019-01-02T09:00:00Z") });
    const dueSoon = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date("2019-02-11T09:00:00Z") });
    const okId = await a.trigger("deadline-reminders");
    await waitFor(async () => ((await a.boss.getJobById("deadline-reminders", okId!))?.state === "completed" ? true : null), 30_000);
    expect(await db().caseReminder.count({ where: { caseId: own.caseId } })).toBe(2);
    expect((await db().caseReminder.findMany({ where: { caseId: dueSoon.caseId }, select: { kind: true } })).map((r) => r.kind).sort()).toEqual(["due_7", "unassigned_3wd"]);
    failNextRunOf = "daily-digest";
    const failId = await b.trigger("daily-digest");
    await waitFor(async () => ((await b.boss.getJobById("daily-digest", failId!))?.state === "retry" ? true : null), 30_000);

    const status = await dashboardJobStatus(dpoActor);
    const reminders = status.jobs.find((j) => j.job === "deadline-reminders")!;
    expect(reminders.lastCompletedAt!.getTime()).toBeGreaterThanOrEqual(started);
    const digest = status.jobs.find((j) => j.job === "daily-digest")!;
    expect(digest.lastFailedAt!.getTime()).toBeGreaterThanOrEqual(started);
    expect(status.escalationsLast7Days).toBe(before.escalationsLast7Days + 3);
    expect(status.remindersLast7Days).toBe(before.remindersLast7Days + 1);
    const caseworker = await db().user.findUniqueOrThrow({ where: { email: "saksbehandler@demo.test" }, select: { id: true } });
    const refused = await dashboardJobStatus({ kind: "staff", userId: caseworker.id, roles: ["caseworker"], unitIds: [] }).catch((e) => e);
    expect(isDomainError(refused) && refused.code).toBe("not_found");
  });
});
