import { describe, expect, it } from "vitest";
import { isPlainText, looksLikeFormula } from "@/lib/domain/plain-text";
import { safeFileName } from "@/lib/files/content-type";
import { csvCell } from "@/lib/dashboard/csv";
import { csvCell as exportCell } from "@/lib/letters/response-export";

describe("plain text", () => {
  it("refuses the bidirectional override, embedding and isolate controls (spoofed names)", () => {
    for (const ch of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(isPlainText(`Ola ${ch}nnamdroN`), JSON.stringify(ch)).toBe(false);
    }
    expect(isPlainText("Åse Ødegård – Bjørnstjerne\nneste linje\tinnrykk")).toBe(true);
    expect(isPlainText("محمد")).toBe(true);
    expect(isPlainText("a\u0000b")).toBe(false);
  });

  it("cleans upload file names of invisible formatting", () => {
    expect(safeFileName("faktura\u202efdp.exe", "application/pdf")).toBe("fakturafdp.pdf");
    expect(safeFileName("\u200bvedlegg\ufeff.pdf", "application/pdf")).toBe("vedlegg.pdf");
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
  });
});

describe("CSV cells a spreadsheet would run", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", " =HYPERLINK(\"x\")", "\t=1", "\r=1", "  +cmd", "\u00a0=1", "\u3000=1", "＝1", "\n=1"])("%j is neutralised in both CSV writers", (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
    expect(exportCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
  });
  it("leaves ordinary text and numbers alone", () => {
    for (const v of ["Barnehage", "a=b", "e-post", "2026-12-03", "O'Neil"]) expect(looksLikeFormula(v), v).toBe(false);
    expect(csvCell(-3)).toBe("-3");
  });
});
