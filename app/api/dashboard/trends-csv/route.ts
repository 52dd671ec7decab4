// CSV export of one "over time" table (?table=monthly|extensions|refusals|identity plus the page's
// filters, &format=excel for the semicolon / decimal-comma file for Norwegian Excel). Re-checks the signed-in staff member on every request: no dashboard.view (or no
// session) answers 404, like the page; invalid filters too.
import { getTranslations } from "next-intl/server";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { listUnitChoices } from "@/lib/admin/unit-choices";
import { dashboardTrends } from "@/lib/dashboard/dashboard-trends";
import { parseTrendFilters } from "@/lib/dashboard/trend-filters";
import { isTrendTable, trendsCsv } from "@/lib/dashboard/trends-csv";
import { csvResponseHeaders, isCsvFormat } from "@/lib/dashboard/csv";
import { hasPermission } from "@/lib/domain/policy";
import { isLegalBasisId } from "@/lib/domain/rights";
import { notFoundResponse } from "@/lib/files/upload-request";
import { now as clockNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const table = params.get("table");
  if (!isTrendTable(table)) return notFoundResponse();
  const format = params.get("format") ?? "csv";
  if (!isCsvFormat(format)) return notFoundResponse();
  const actor = await currentStaffActor();
  if (!actor || !hasPermission(actor, "dashboard.view")) return notFoundResponse();
  const units = await listUnitChoices(actor);
  const { filters, errors } = parseTrendFilters(params, { now: clockNow(), allowedUnits: units.map((u) => u.id) });
  if (errors.length > 0) return notFoundResponse();
  const data = await dashboardTrends(actor, filters);
  const [t, tAll] = await Promise.all([getTranslations("trends"), getTranslations()]);
  const { fileName, body } = trendsCsv(
    data,
    table,
    {
      trends: t,
      legalBasis: (id) => (isLegalBasisId(id) ? tAll(`caseWork.legalBases.${id}`) : null),
      identity: (level) => tAll(`staffQueue.identity.${level}`),
    },
    format,
  );
  return new Response(body, { status: 200, headers: csvResponseHeaders(fileName) });
}
