// Turns the "over time" statistics into CSV files, one per table. Column headers and labels come
// from the caller's translator, so the file speaks the language of the page it was downloaded from.
import { csvFileName, toCsv, type CsvCell, type CsvFormat } from "./csv";
import { EXTENSION_GROUND_KEYS, type DashboardTrends } from "./dashboard-trends";
import type { IdentityLevel } from "@/lib/domain/case-status";
import type { MessageKey } from "@/i18n/translator";

export const TREND_TABLES = ["monthly", "extensions", "refusals", "identity"] as const;
export type TrendTable = (typeof TREND_TABLES)[number];

export function isTrendTable(value: unknown): value is TrendTable {
  return typeof value === "string" && (TREND_TABLES as readonly string[]).includes(value);
}

export type TrendLabels = {
  /** Keys under `trends.*`. */
  trends: (key: MessageKey<"trends">) => string;
  /** The explanation of a legal basis (`caseWork.legalBases.<id>`), or null when unknown. */
  legalBasis: (id: string) => string | null;
  /** `staffQueue.identity.<level>`. */
  identity: (level: IdentityLevel) => string;
};

export function trendsCsv(
  data: DashboardTrends,
  table: TrendTable,
  labels: TrendLabels,
  format: CsvFormat = "csv",
): { fileName: string; body: string } {
  const t = labels.trends;
  const fileName = csvFileName(`personvern-statistikk-${table}-${data.filters.from}-${data.filters.to}`, format);
  const csv = (header: string[], rows: CsvCell[][]) => toCsv(header, rows, format);
  switch (table) {
    case "monthly":
      return {
        fileName,
        body: csv(
          [
            t("col.month"),
            t("col.received"),
            t("col.closed"),
            t("col.decided"),
            t("col.onTime"),
            t("col.openOverdue"),
            t("col.onTimeRate"),
            t("col.median"),
            t("col.p90"),
          ],
          data.monthly.map((r): CsvCell[] => [r.month, r.received, r.closed, r.decided, r.onTime, r.openOverdue, r.onTimeRate, r.medianDays, r.p90Days]),
        ),
      };
    case "extensions":
      return {
        fileName,
        body: csv(
          [t("col.month"), ...EXTENSION_GROUND_KEYS.map((g) => t(`grounds.${g}`)), t("col.total")],
          [
            ...data.extensions.byMonth.map((r): CsvCell[] => [r.month, ...EXTENSION_GROUND_KEYS.map((g) => r[g]), r.total]),
            [t("col.total"), ...EXTENSION_GROUND_KEYS.map((g) => data.extensions.totals[g]), data.extensions.total],
          ],
        ),
      };
    case "refusals":
      return {
        fileName,
        body: csv(
          [t("col.legalBasis"), t("col.basisMeaning"), t("col.count")],
          data.refusals.map((r): CsvCell[] => [r.citation, labels.legalBasis(r.basisId), r.count]),
        ),
      };
    case "identity":
      return {
        fileName,
        body: csv(
          [t("col.identity"), t("col.count")],
          data.identity.map((r): CsvCell[] => [labels.identity(r.level), r.count]),
        ),
      };
  }
}
