// The "over time" part of the DPO / unit lead dashboard, per Oslo calendar month: received vs
// closed, on-time rate (overdue open cases count as late, see onTimeRate in lib/domain/statistics),
// median and 90th percentile days to close, extensions and their ground, refusals by legal basis
// and identity strength, plus the same figures for the whole period. Read-only and set-based: four
// aggregate statements whatever the number of cases (one pass over the cases received in the
// period, one over the cases closed in it, one over the open cases past their due date, one over
// the decisions), scoped exactly like the "now" dashboard.
// The SQL builders are exported so that scripts/bench-dashboard.ts measures what runs here.
import { db } from "@/lib/db/client";
import { caseScopeSql } from "@/lib/cases/case-scope";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/domain/errors";
import { hasPermission, visibleUnitScope, type Actor } from "@/lib/domain/policy";
import { isLegalBasisId, LEGAL_BASES, type LegalBasisId } from "@/lib/domain/rights";
import { CLOSED_STATUSES, DECISION_OUTCOMES, EXTENSION_GROUNDS, IDENTITY_LEVELS, type IdentityLevel } from "@/lib/domain/case-status";
import { osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { mergeHistograms, onTimeRate, percentileFromHistogram, sumOnTime, type HistogramBin, type OnTimeCounts, type OnTimeRate } from "@/lib/domain/statistics";
import { monthBounds, monthsBetween, roundDays, type Month, type TrendFilters } from "./trend-filters";
import { now as clockNow } from "@/lib/clock";

/** The grounds, plus "not_recorded" for cases extended before the ground was recorded. */
export const EXTENSION_GROUND_KEYS = [...EXTENSION_GROUNDS, "not_recorded"] as const;
export type ExtensionGroundKey = (typeof EXTENSION_GROUND_KEYS)[number];


export type MonthlyRow = {
  month: Month;
  received: number;
  closed: number;
  /** Decided (completed, partially completed, refused) in the month. */
  decided: number;
  /** Of those, closed on or before the due date in force (Oslo dates). */
  onTime: number;
  /** Open cases whose due date fell in the month and has passed (today), deadline running: late too. */
  openOverdue: number;
  /** onTime of (decided + openOverdue) as a percentage with one decimal (onTimeRate), null when both are 0. */
  onTimeRate: number | null;
  medianDays: number | null;
  p90Days: number | null;
};

export type ExtensionMonthRow = { month: Month; total: number } & Record<ExtensionGroundKey, number>;

/** The whole period at once (the headline figures): sums of the months, median and p90 of all its decided cases. */
export type TrendSummary = {
  received: number;
  closed: number;
  decided: number;
  medianDays: number | null;
  p90Days: number | null;
  onTime: OnTimeRate;
  /** Cases reopened in the period (their latest reopening). */
  reopened: number;
};

export type DashboardTrends = {
  filters: TrendFilters;
  /** The Oslo date the figures were computed on: "passed" due dates are those before it. */
  today: IsoDate;
  months: Month[];
  summary: TrendSummary;
  monthly: MonthlyRow[];
  extensions: { byMonth: ExtensionMonthRow[]; totals: Record<ExtensionGroundKey, number>; total: number; received: number };
  refusals: { basisId: LegalBasisId | string; citation: string; count: number }[];
  identity: { level: IdentityLevel; count: number }[];
};

type StaffActor = Extract<Actor, { kind: "staff" }>;

const OSLO = Prisma.sql`'Europe/Oslo'`;

function caseFilters(actor: StaffActor, filters: TrendFilters): Prisma.Sql[] {
  const where = [caseScopeSql(actor)];
  if (filters.unit) where.push(Prisma.sql`c.unit_id = ${filters.unit}::uuid`);
  if (filters.right) where.push(Prisma.sql`${filters.right}::"Right" = ANY (c.rights)`);
  if (filters.channel) where.push(Prisma.sql`c.channel = ${filters.channel}::"Channel"`);
  return where;
}

/** Start and end (exclusive) of the period as instants: midnight in Oslo on the first day of the months. */
function period(filters: TrendFilters): { lo: Prisma.Sql; hi: Prisma.Sql } {
  const { start, end } = monthBounds(filters.from, filters.to);
  return {
    lo: Prisma.sql`(${start}::timestamp AT TIME ZONE ${OSLO})`,
    hi: Prisma.sql`(${end}::timestamp AT TIME ZONE ${OSLO})`,
  };
}

/** The same period as Oslo calendar dates, for the stored received_date / closed_date columns. */
function datePeriod(filters: TrendFilters): { lo: Prisma.Sql; hi: Prisma.Sql } {
  const { start, end } = monthBounds(filters.from, filters.to);
  return { lo: Prisma.sql`${start}::date`, hi: Prisma.sql`${end}::date` };
}

const and = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");

/** The month of an Oslo date column, as its first day (cheap to group by). */
const monthOf = (column: Prisma.Sql) => Prisma.sql`date_trunc('month', ${column})`;
const monthText = (expr: Prisma.Sql) => Prisma.sql`to_char(${expr}, 'YYYY-MM')`;

// received_date and closed_date are the Oslo calendar dates of received_at and closed_at, stored by
// PostgreSQL (generated columns, see the dashboard_statistics migration): no time-zone conversion
// per row, which at a million cases was most of the time.

/**
 * Cases received in the period, one pass over them: per month and extension ground (NULL = not
 * extended, 'not_recorded' = extended before the ground was recorded), and per identity level (the
 * case's own copy, so no join). An index-only scan of request_case_received_stats_idx.
 */
export function buildReceivedQuery(actor: StaffActor, filters: TrendFilters): Prisma.Sql {
  const { lo, hi } = datePeriod(filters);
  const where = and([Prisma.sql`c.received_date >= ${lo}`, Prisma.sql`c.received_date < ${hi}`, ...caseFilters(actor, filters)]);
  return Prisma.sql`
    SELECT ${monthText(Prisma.sql`g.m`)} AS month, g.ground, g.identity_level, g.n
      FROM (SELECT ${monthOf(Prisma.sql`c.received_date`)} AS m,
                   CASE WHEN c.extended THEN coalesce(c.extension_ground::text, 'not_recorded') END AS ground,
                   c.identity_level::text AS identity_level, count(*)::int AS n
              FROM request_case c
             WHERE ${where}
             GROUP BY GROUPING SETS ((1, 2), (3))) g`;
}

/**
 * Cases closed in the period, per Oslo closing month: a histogram of (days to close, on time) for
 * decided cases plus the withdrawn ones (days NULL). Grouping by whole days gives a few hundred rows
 * instead of sorting every case for percentile_cont; percentileFromHistogram gives the same median
 * and 90th percentile from the counts. An index-only scan of request_case_closed_stats_idx.
 */
export function buildClosedQuery(actor: StaffActor, filters: TrendFilters): Prisma.Sql {
  const { lo, hi } = datePeriod(filters);
  const closedStatuses = Prisma.join(CLOSED_STATUSES.map((s) => Prisma.sql`${s}::"CaseStatus"`));
  const decidedStatuses = Prisma.join(DECISION_OUTCOMES.map((s) => Prisma.sql`${s}::"CaseStatus"`));
  return Prisma.sql`
    SELECT ${monthText(Prisma.sql`k.m`)} AS month, k.days, k.on_time, count(*)::int AS n
      FROM (SELECT ${monthOf(Prisma.sql`c.closed_date`)} AS m,
                   CASE WHEN c.status IN (${decidedStatuses}) THEN c.closed_date - c.received_date END AS days,
                   c.status IN (${decidedStatuses}) AND c.closed_date <= c.due_date AS on_time
              FROM request_case c
             WHERE ${and([Prisma.sql`c.closed_date >= ${lo}`, Prisma.sql`c.closed_date < ${hi}`, Prisma.sql`c.status IN (${closedStatuses})`, ...caseFilters(actor, filters)])}) k
     GROUP BY 1, 2, 3`;
}

/**
 * Open cases whose due date lies in the period and has passed (before `today`, Oslo dates), per
 * month of the due date: the unanswered late ones of the on-time rate. A case waiting for the
 * requester has no running deadline (its due date moves day by day), so it is not counted, as on
 * the "now" dashboard. The statuses are literals so PostgreSQL can use the partial index of open
 * cases (request_case_open_stats_idx).
 */
export function buildOpenOverdueQuery(actor: StaffActor, filters: TrendFilters, today: IsoDate): Prisma.Sql {
  const { lo, hi } = datePeriod(filters);
  return Prisma.sql`
    SELECT ${monthText(monthOf(Prisma.sql`c.due_date`))} AS month, count(*)::int AS n
      FROM request_case c
     WHERE ${and([
       Prisma.sql`c.status IN ('received', 'in_progress')`,
       Prisma.sql`c.due_date >= ${lo}`,
       Prisma.sql`c.due_date < ${hi}`,
       Prisma.sql`c.due_date < ${today}::date`,
       ...caseFilters(actor, filters),
     ])}
     GROUP BY 1`;
}

/**
 * Cases whose latest reopening fell in the period (issue 13, item 1). A reopened case is counted
 * once in the closing figures, by its latest closing, against the due date of its new handling;
 * this figure tells the DPO how many answers had to be done again. Partial index request_case_reopened_idx.
 */
export function buildReopenedQuery(actor: StaffActor, filters: TrendFilters): Prisma.Sql {
  const { lo, hi } = period(filters);
  return Prisma.sql`
    SELECT count(*)::int AS n
      FROM request_case c
     WHERE ${and([Prisma.sql`c.reopened_at IS NOT NULL`, Prisma.sql`c.reopened_at >= ${lo}`, Prisma.sql`c.reopened_at < ${hi}`, ...caseFilters(actor, filters)])}`;
}

/** Legal bases cited in refusals and partial grants decided in the period (one row per basis). */
export function buildRefusalsQuery(actor: StaffActor, filters: TrendFilters): Prisma.Sql {
  const { lo, hi } = period(filters);
  const where: Prisma.Sql[] = [
    Prisma.sql`d.outcome IN ('refused'::"RightOutcome", 'partially_granted'::"RightOutcome")`,
    Prisma.sql`d.decided_at >= ${lo}`,
    Prisma.sql`d.decided_at < ${hi}`,
  ];
  // With a right filter, count the decisions on that right only.
  if (filters.right) where.push(Prisma.sql`d."right" = ${filters.right}::"Right"`);
  const needsCase = !("all" in visibleUnitScope(actor)) || Boolean(filters.unit || filters.right || filters.channel);
  if (needsCase) where.push(...caseFilters(actor, filters));
  return Prisma.sql`
    SELECT b.basis, count(*)::int AS n
      FROM case_decision d
      ${needsCase ? Prisma.sql`JOIN request_case c ON c.id = d.case_id` : Prisma.empty}
      CROSS JOIN LATERAL unnest(d.legal_basis_ids) AS b(basis)
     WHERE ${and(where)}
     GROUP BY b.basis`;
}

type ReceivedRow = { month: string | null; ground: string | null; identity_level: string | null; n: number };
export type ClosedRow = { month: string; days: number | null; on_time: boolean; n: number };
export type OpenOverdueRow = { month: string; n: number };
type ClosedMonth = { closed: number; decided: number; onTime: number; histogram: HistogramBin[] };
type RefusalRow = { basis: string; n: number };

/** The closed-cases histogram rows per closing month. */
function closedByMonthOf(rows: readonly ClosedRow[]): Map<string, ClosedMonth> {
  const byMonth = new Map<string, ClosedMonth>();
  for (const row of rows) {
    const m = byMonth.get(row.month) ?? { closed: 0, decided: 0, onTime: 0, histogram: [] };
    m.closed += row.n;
    if (row.days !== null) {
      m.decided += row.n;
      if (row.on_time) m.onTime += row.n;
      m.histogram.push({ value: row.days, count: row.n });
    }
    byMonth.set(row.month, m);
  }
  return byMonth;
}

/**
 * The on-time counts of each month from the rows of buildClosedQuery and buildOpenOverdueQuery:
 * the one place that turns them into OnTimeCounts, for the "over time" page and the dashboard's
 * headline alike.
 */
export function onTimeByMonth(months: readonly Month[], closed: readonly ClosedRow[], openOverdue: readonly OpenOverdueRow[]): Map<Month, OnTimeCounts> {
  const closedByMonth = closedByMonthOf(closed);
  const overdueByMonth = new Map<string, number>();
  for (const row of openOverdue) overdueByMonth.set(row.month, (overdueByMonth.get(row.month) ?? 0) + row.n);
  return new Map(
    months.map((month) => {
      const c = closedByMonth.get(month);
      const decided = c?.decided ?? 0;
      const onTime = c?.onTime ?? 0;
      return [month, { answeredOnTime: onTime, answeredLate: decided - onTime, openOverdue: overdueByMonth.get(month) ?? 0 }];
    }),
  );
}

export async function dashboardTrends(actor: Actor, filters: TrendFilters, options: { now?: Date } = {}): Promise<DashboardTrends> {
  // Only DPOs and unit leads; anyone else gets the same answer as for a page that does not exist.
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  const today = osloDateOf(options.now ?? clockNow());
  const client = db();
  const [received, closed, openOverdue, refusals, reopened] = await Promise.all([
    client.$queryRaw<ReceivedRow[]>(buildReceivedQuery(actor, filters)),
    client.$queryRaw<ClosedRow[]>(buildClosedQuery(actor, filters)),
    client.$queryRaw<OpenOverdueRow[]>(buildOpenOverdueQuery(actor, filters, today)),
    client.$queryRaw<RefusalRow[]>(buildRefusalsQuery(actor, filters)),
    client.$queryRaw<{ n: number }[]>(buildReopenedQuery(actor, filters)),
  ]);

  const months = monthsBetween(filters.from, filters.to);
  const zeroGrounds = () => Object.fromEntries(EXTENSION_GROUND_KEYS.map((g) => [g, 0])) as Record<ExtensionGroundKey, number>;
  const receivedByMonth = new Map<string, number>();
  const extByMonth = new Map<string, Record<ExtensionGroundKey, number>>();
  const identity = new Map<string, number>();
  for (const row of received) {
    // Two grouping sets: (month, ground) rows have no identity level, identity rows no month.
    if (row.identity_level !== null) {
      identity.set(row.identity_level, (identity.get(row.identity_level) ?? 0) + row.n);
      continue;
    }
    if (row.month === null) continue;
    receivedByMonth.set(row.month, (receivedByMonth.get(row.month) ?? 0) + row.n);
    if (row.ground !== null) {
      const grounds = extByMonth.get(row.month) ?? zeroGrounds();
      const key = (EXTENSION_GROUND_KEYS as readonly string[]).includes(row.ground) ? (row.ground as ExtensionGroundKey) : "not_recorded";
      grounds[key] += row.n;
      extByMonth.set(row.month, grounds);
    }
  }
  const closedByMonth = closedByMonthOf(closed);
  const onTimeCounts = onTimeByMonth(months, closed, openOverdue);

  const monthly: MonthlyRow[] = months.map((month) => {
    const c = closedByMonth.get(month);
    const counts = onTimeCounts.get(month)!;
    return {
      month,
      received: receivedByMonth.get(month) ?? 0,
      closed: c?.closed ?? 0,
      decided: counts.answeredOnTime + counts.answeredLate,
      onTime: counts.answeredOnTime,
      openOverdue: counts.openOverdue,
      onTimeRate: onTimeRate(counts).rate,
      medianDays: roundDays(c ? percentileFromHistogram(c.histogram, 0.5) : null),
      p90Days: roundDays(c ? percentileFromHistogram(c.histogram, 0.9) : null),
    };
  });
  const periodHistogram = mergeHistograms([...closedByMonth.values()].map((c) => c.histogram));

  const byMonth: ExtensionMonthRow[] = months.map((month) => {
    const g = extByMonth.get(month) ?? zeroGrounds();
    return { month, ...g, total: EXTENSION_GROUND_KEYS.reduce((s, k) => s + g[k], 0) };
  });
  const totals = zeroGrounds();
  for (const row of byMonth) for (const k of EXTENSION_GROUND_KEYS) totals[k] += row[k];

  return {
    filters,
    today,
    months,
    summary: {
      received: monthly.reduce((s, r) => s + r.received, 0),
      closed: monthly.reduce((s, r) => s + r.closed, 0),
      decided: monthly.reduce((s, r) => s + r.decided, 0),
      medianDays: roundDays(percentileFromHistogram(periodHistogram, 0.5)),
      p90Days: roundDays(percentileFromHistogram(periodHistogram, 0.9)),
      onTime: sumOnTime([...onTimeCounts.values()]),
      reopened: reopened[0]?.n ?? 0,
    },
    monthly,
    extensions: {
      byMonth,
      totals,
      total: byMonth.reduce((s, r) => s + r.total, 0),
      received: monthly.reduce((s, r) => s + r.received, 0),
    },
    refusals: refusals
      .map((r) => ({ basisId: r.basis, citation: isLegalBasisId(r.basis) ? LEGAL_BASES[r.basis].citation : r.basis, count: r.n }))
      .sort((a, b) => b.count - a.count || a.basisId.localeCompare(b.basisId)),
    identity: IDENTITY_LEVELS.map((level) => ({ level, count: identity.get(level) ?? 0 })),
  };
}
