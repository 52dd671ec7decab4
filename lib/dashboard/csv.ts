// CSV for the dashboard's "download" links (opened in Excel / LibreOffice for the annual report).
// Two formats of the same table:
// - "csv": RFC 4180, comma-separated, decimal point: for other programs and scripts.
// - "excel": what Excel with Norwegian settings opens as columns on a double click: semicolon as
//   separator (Norway's list separator; a comma-separated file opens as one column) and decimal
//   comma (91,7: with a decimal point Norwegian Excel reads "31.8" as 31 August).
// Both with CRLF line ends and a UTF-8 byte-order mark so Excel reads æøå correctly. Text cells
// are always quoted (quotes doubled); a text cell a spreadsheet would read as a formula (= + - @
// first, also after spaces, or a leading tab / carriage return: lib/domain/plain-text.ts) gets a
// leading apostrophe so it is never run (CSV injection).
import { looksLikeFormula } from "@/lib/domain/plain-text";

export type CsvCell = string | number | null;

export const CSV_FORMATS = ["csv", "excel"] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

export function isCsvFormat(value: unknown): value is CsvFormat {
  return typeof value === "string" && (CSV_FORMATS as readonly string[]).includes(value);
}

const DIALECTS: Record<CsvFormat, { separator: string; decimal: string }> = {
  csv: { separator: ",", decimal: "." },
  excel: { separator: ";", decimal: "," },
};

export const CSV_BOM = "\uFEFF";

export function csvCell(value: CsvCell, format: CsvFormat = "csv"): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    // No thousands separator, no exponent for the sizes we export; only the decimal mark differs.
    return String(value).replace(".", DIALECTS[format].decimal);
  }
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file: BOM, header row, data rows. */
export function toCsv(header: string[], rows: CsvCell[][], format: CsvFormat = "csv"): string {
  const { separator } = DIALECTS[format];
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, format)).join(separator));
  return CSV_BOM + lines.join("\r\n") + "\r\n";
}

/** The file name for a format: the Excel file says so, both end in .csv. */
export function csvFileName(base: string, format: CsvFormat): string {
  return format === "excel" ? `${base}-excel.csv` : `${base}.csv`;
}

/** The response headers of a download (both formats are text/csv). */
export function csvResponseHeaders(fileName: string): Record<string, string> {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
