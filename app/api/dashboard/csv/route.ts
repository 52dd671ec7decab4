// CSV export of one dashboard table (?table=status|right|overdue, &format=excel for the semicolon /
// decimal-comma file that Norwegian Excel opens as columns). Re-checks the signed-in staff member on
// every request: no dashboard.view (or no session) answers 404, like the page.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { dashboardCsv, DASHBOARD_TABLES } from "@/lib/dashboard/dashboard-csv";
import { dashboardNow } from "@/lib/dashboard/dashboard-now";
import { CSV_FORMATS, csvResponseHeaders } from "@/lib/dashboard/csv";
import { DomainError } from "@/lib/domain/errors";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

const query = z.object({ table: z.enum(DASHBOARD_TABLES), format: z.enum(CSV_FORMATS).default("csv") });

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({ table: params.get("table"), format: params.get("format") ?? undefined });
  if (!parsed.success) return notFoundResponse();
  const actor = await currentStaffActor();
  if (!actor) return notFoundResponse();
  let data;
  try {
    data = await dashboardNow(actor);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return notFoundResponse();
    throw error;
  }
  const [t, tAll] = await Promise.all([getTranslations("dashboard"), getTranslations()]);
  const { fileName, body } = dashboardCsv(
    data,
    parsed.data.table,
    { dashboard: (key) => t(key), rightTitle: (right) => tAll(`rights.${right}.title`) },
    parsed.data.format,
  );
  return new Response(body, { status: 200, headers: csvResponseHeaders(fileName) });
}
