// CSV for the dashboard's "download" links (opened in Excel / LibreOffice for the annual report).
// RFC 4180 with CRLF line ends and a UTF-8 byte-order mark so Excel reads æøå correctly. Text cells
// are always quoted (quotes doubled); a text cell starting with = + - @ (or a tab / carriage return)
// gets a leading apostrophe so a spreadsheet never runs it as a formula (CSV injection).

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
export const CSV_BOM = "\uFEFF";

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file: BOM, header row, data rows. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return CSV_BOM + lines.join("\r\n") + "\r\n";
}
