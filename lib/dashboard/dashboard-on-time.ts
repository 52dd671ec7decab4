// The dashboard's headline figure: the on-time rate of the default period of the "over time"
// statistics (this month and the 11 before it, up to today), where open cases past their due date
// count as late. The same statements and the same reduction as lib/dashboard/dashboard-trends.ts
// (buildClosedQuery, buildOpenOverdueQuery, onTimeByMonth), so the dashboard and the statistics
// page with its default filters always show the same figure. Read-only, two aggregate statements.
import { db } from "@/lib/db/client";
import { osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { hasPermission, type Actor } from "@/lib/domain/policy";
import { sumOnTime, type OnTimeRate } from "@/lib/domain/statistics";
import { buildClosedQuery, buildOpenOverdueQuery, onTimeByMonth, type ClosedRow, type OpenOverdueRow } from "./dashboard-trends";
import { defaultPeriod, monthsBetween, type Month } from "./trend-filters";
import { now as clockNow } from "@/lib/clock";

export type DashboardOnTime = { from: Month; to: Month; today: IsoDate; onTime: OnTimeRate };

export async function dashboardOnTime(actor: Actor, options: { now?: Date } = {}): Promise<DashboardOnTime> {
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  const now = options.now ?? clockNow();
  const today = osloDateOf(now);
  const filters = defaultPeriod(now);
  const client = db();
  const [closed, openOverdue] = await Promise.all([
    client.$queryRaw<ClosedRow[]>(buildClosedQuery(actor, filters)),
    client.$queryRaw<OpenOverdueRow[]>(buildOpenOverdueQuery(actor, filters, today)),
  ]);
  const months = monthsBetween(filters.from, filters.to);
  return { ...filters, today, onTime: sumOnTime([...onTimeByMonth(months, closed, openOverdue).values()]) };
}
