import { expect } from "vitest";

/**
 * Reads a CSV file back the way a spreadsheet does (RFC 4180: quoted cells, doubled quotes, CRLF),
 * after checking and dropping the UTF-8 byte-order mark. Written for the test, not taken from the
 * code under test.
 */
export function parseCsv(body: string, separator: "," | ";"): string[][] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const text = body.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  expect(quoted).toBe(false);
  expect(row.length === 0 && cell === "").toBe(true); // the file ends with a line break
  return rows;
}
