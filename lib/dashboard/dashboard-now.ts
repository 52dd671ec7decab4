// The "now" part of the DPO / unit lead dashboard: how many open cases there are by status and by
// right, what falls due within 7 days, what is overdue (a named list), and how many are paused,
// extended or unassigned. Read-only: no transaction, no audit row. A handful of aggregate queries
// on request_case (indexes on status/due_date), never one query per case.
import { db } from "@/lib/db/client";
import { dbDateToIso, isoDateToDb } from "@/lib/db/dates";
import { caseScopeFilter, caseScopeSql } from "@/lib/cases/case-scope";
import { addDays, daysBetween, osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { OPEN_STATUSES, type OpenCaseStatus } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import { hasPermission, type Actor } from "@/lib/domain/policy";
import { RIGHTS, type Right } from "@/lib/domain/rights";
import type { Prisma } from "@/lib/db/generated/client";
import { now as clockNow } from "@/lib/clock";

type GroupRow = { status: string; rights: string[]; n: number; extended: number; unassigned: number; due_soon: number; overdue: number };

/** "Due soon" means due today or within this many calendar days (Oslo dates). */
export const DUE_SOON_DAYS = 7;
/** The overdue list is capped (the count is not); the oldest deadlines come first. */
export const OVERDUE_LIST_LIMIT = 200;

export type OverdueRow = {
  id: string;
  reference: string;
  rights: Right[];
  unitName: string | null;
  assigneeName: string | null;
  dueDate: IsoDate;
  daysOverdue: number;
};

export type DashboardNow = {
  today: IsoDate;
  totalOpen: number;
  byStatus: { status: OpenCaseStatus; count: number }[];
  byRight: { right: Right; count: number }[];
  dueSoon: number;
  overdueCount: number;
  overdue: OverdueRow[];
  paused: number;
  extended: number;
  unassigned: number;
};

export async function dashboardNow(actor: Actor, options: { now?: Date } = {}): Promise<DashboardNow> {
  // Only DPOs and unit leads; anyone else gets the same answer as for a page that does not exist.
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  const today = osloDateOf(options.now ?? clockNow());
  const todayDb = isoDateToDb(today);
  // The clock stands still while a case waits for the requester: paused cases are neither due nor overdue.
  const running: Prisma.CaseWhereInput = { AND: [caseScopeFilter(actor), { status: { in: ["received", "in_progress"] } }] };
  const overdueWhere: Prisma.CaseWhereInput = { AND: [running, { dueDate: { lt: todayDb } }] };

  const client = db();
  const [groups, overdueRows] = await Promise.all([
    // Every count in one pass over the open cases, an index-only scan of request_case_open_stats_idx:
    // one row per (status, set of rights), at most 3 x 63 whatever the number of cases. Raw SQL with
    // the statuses as literals: with them as parameters (Prisma's API) PostgreSQL cannot use that
    // partial index, and the same counts took ten times longer at a million cases.
    client.$queryRaw<GroupRow[]>`
      SELECT c.status::text AS status, c.rights::text[] AS rights, count(*)::int AS n,
             count(*) FILTER (WHERE c.extended)::int AS extended,
             count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unassigned,
             count(*) FILTER (WHERE c.status <> 'awaiting_requester' AND c.due_date >= ${todayDb}::date
                                AND c.due_date <= ${isoDateToDb(addDays(today, DUE_SOON_DAYS))}::date)::int AS due_soon,
             count(*) FILTER (WHERE c.status <> 'awaiting_requester' AND c.due_date < ${todayDb}::date)::int AS overdue
        FROM request_case c
       WHERE c.status IN ('received', 'in_progress', 'awaiting_requester') AND ${caseScopeSql(actor)}
       GROUP BY c.status, c.rights`,
    client.case.findMany({
      where: overdueWhere,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: OVERDUE_LIST_LIMIT,
      select: {
        id: true,
        reference: true,
        rights: true,
        dueDate: true,
        unit: { select: { name: true } },
        assignee: { select: { name: true, email: true } },
      },
    }),
  ]);
  let dueSoon = 0;
  let extended = 0;
  let unassigned = 0;
  let overdueCount = 0;
  for (const g of groups) {
    dueSoon += g.due_soon;
    extended += g.extended;
    unassigned += g.unassigned;
    overdueCount += g.overdue;
  }

  const statusCounts = new Map<OpenCaseStatus, number>(OPEN_STATUSES.map((s) => [s, 0]));
  const rightCounts = new Map<Right, number>(RIGHTS.map((r) => [r, 0]));
  let totalOpen = 0;
  for (const g of groups) {
    const n = g.n;
    totalOpen += n;
    const status = g.status as OpenCaseStatus;
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + n);
    // A case about several rights counts once under each of them.
    for (const right of new Set(g.rights)) rightCounts.set(right as Right, (rightCounts.get(right as Right) ?? 0) + n);
  }

  return {
    today,
    totalOpen,
    byStatus: OPEN_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    byRight: RIGHTS.map((right) => ({ right, count: rightCounts.get(right) ?? 0 })),
    dueSoon,
    overdueCount,
    overdue: overdueRows.map((c) => {
      const due = dbDateToIso(c.dueDate);
      return {
        id: c.id,
        reference: c.reference,
        rights: c.rights as Right[],
        unitName: c.unit?.name ?? null,
        assigneeName: c.assignee ? (c.assignee.name ?? c.assignee.email) : null,
        dueDate: due,
        daysOverdue: daysBetween(due, today),
      };
    }),
    paused: statusCounts.get("awaiting_requester") ?? 0,
    extended,
    unassigned,
  };
}
