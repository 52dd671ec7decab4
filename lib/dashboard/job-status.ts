// "Is the warning system working?" for the DPO and unit leads: when each background job last
// finished (and failed), from pg-boss's own job history, and how many reminders and escalations
// went out in the last 7 days (within the actor's scope). Read-only.
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { caseScopeSql } from "@/lib/cases/case-scope";
import { DomainError } from "@/lib/domain/errors";
import { hasPermission, type Actor } from "@/lib/domain/policy";
import { ESCALATION_KINDS } from "@/lib/domain/reminders";
import { JOB_NAMES, type JobName } from "@/lib/jobs/job-runner";

export type JobStatusRow = { job: JobName; lastCompletedAt: Date | null; lastFailedAt: Date | null };
export type JobStatus = { jobs: JobStatusRow[]; remindersLast7Days: number; escalationsLast7Days: number };

type HistoryRow = { name: string; last_ok: Date | null; last_failed: Date | null };

export async function dashboardJobStatus(actor: Actor, options: { now?: Date } = {}): Promise<JobStatus> {
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  // Real time, not the demo clock (lib/clock.ts): this is about the machinery, like pg-boss's run
  // history, and reminders' sent_at is PostgreSQL's real now().
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const client = db();
  // pg-boss creates its schema when the job runner first starts: before that, nothing has run.
  const regclass = await client.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.archive') IS NOT NULL AS present`;
  const present = regclass[0]?.present ?? false;
  const names = Prisma.join(JOB_NAMES.map((n) => Prisma.sql`${n}`));
  const [history, sent] = await Promise.all([
    present
      ? client.$queryRaw<HistoryRow[]>`
          SELECT j.name,
                 max(j.completed_on) FILTER (WHERE j.state = 'completed') AS last_ok,
                 -- A run waiting for its retry failed too (when its attempt started).
                 max(coalesce(j.completed_on, j.started_on)) FILTER (WHERE j.state IN ('failed', 'retry')) AS last_failed
            FROM (SELECT name, state::text AS state, started_on, completed_on FROM pgboss.job WHERE name IN (${names})
                  UNION ALL
                  SELECT name, state::text AS state, started_on, completed_on FROM pgboss.archive WHERE name IN (${names})) j
           GROUP BY j.name`
      : Promise.resolve([] as HistoryRow[]),
    client.$queryRaw<{ escalation: boolean; n: number }[]>`
      SELECT r.kind IN (${Prisma.join(ESCALATION_KINDS.map((k) => Prisma.sql`${k}`))}, 'complaint_overdue') AS escalation, count(*)::int AS n
        FROM case_reminder r JOIN request_case c ON c.id = r.case_id
       WHERE r.sent_at >= ${since} AND ${caseScopeSql(actor)}
       GROUP BY 1`,
  ]);
  const byName = new Map(history.map((h) => [h.name, h]));
  return {
    jobs: JOB_NAMES.map((job) => ({
      job,
      lastCompletedAt: byName.get(job)?.last_ok ?? null,
      lastFailedAt: byName.get(job)?.last_failed ?? null,
    })),
    remindersLast7Days: sent.find((s) => !s.escalation)?.n ?? 0,
    escalationsLast7Days: sent.find((s) => s.escalation)?.n ?? 0,
  };
}
