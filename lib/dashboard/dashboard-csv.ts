// Turns the dashboard's tables into CSV files. The column headers and labels come from the caller's
// translator, so the file speaks the same language as the page it was downloaded from.
import type { DashboardNow } from "./dashboard-now";
import { csvFileName, toCsv, type CsvCell, type CsvFormat } from "./csv";
import type { Right } from "@/lib/domain/rights";
import type { MessageKey } from "@/i18n/translator";

export const DASHBOARD_TABLES = ["status", "right", "overdue"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export function isDashboardTable(value: unknown): value is DashboardTable {
  return typeof value === "string" && (DASHBOARD_TABLES as readonly string[]).includes(value);
}

/** Translator for keys under `dashboard.*` plus the core `rights.<right>.title`. */
export type DashboardLabels = {
  dashboard: (key: MessageKey<"dashboard">) => string;
  rightTitle: (right: Right) => string;
};

export function dashboardCsv(
  data: DashboardNow,
  table: DashboardTable,
  labels: DashboardLabels,
  format: CsvFormat = "csv",
): { fileName: string; body: string } {
  const t = labels.dashboard;
  const fileName = csvFileName(`personvern-oversikt-${table}-${data.today}`, format);
  switch (table) {
    case "status":
      return {
        fileName,
        body: toCsv(
          [t("colStatus"), t("colCount")],
          data.byStatus.map((r) => [t(`status.${r.status}`), r.count]),
          format,
        ),
      };
    case "right":
      return {
        fileName,
        body: toCsv(
          [t("colRight"), t("colCount")],
          data.byRight.map((r) => [labels.rightTitle(r.right), r.count]),
          format,
        ),
      };
    case "overdue":
      return {
        fileName,
        body: toCsv(
          [t("colReference"), t("colRights"), t("colUnit"), t("colAssignee"), t("colDue"), t("colDaysOverdue")],
          data.overdue.map((r): CsvCell[] => [
            r.reference,
            r.rights.map((right) => labels.rightTitle(right)).join(", "),
            r.unitName ?? t("noUnit"),
            r.assigneeName ?? t("noAssignee"),
            r.dueDate,
            r.daysOverdue,
          ]),
          format,
        ),
      };
  }
}
