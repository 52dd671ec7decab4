// Paper receipts: a real PDF (pdf-lib), in nb, nn and en, with the reference, the due date in words,
// what happens next and the right to complain to Datatilsynet.
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { printable, renderReceiptLetter } from "@/lib/letters/receipt-letter";
import { municipalityProfile } from "@/lib/config/municipalities";

/** The text drawn on the page (Helvetica text is hex-encoded in Tj operators). */
async function pageText(pdf: Uint8Array): Promise<string> {
  const raw = Buffer.from(pdf).toString("latin1");
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, "latin1");
    try {
      return inflateSync(bytes).toString("latin1");
    } catch {
      return bytes.toString("latin1");
    }
  });
  return streams
    .join("\n")
    .split("\n")
    .map((line) => /^<([0-9A-Fa-f]*)> Tj$/.exec(line.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, "hex").toString("latin1"))
    .join(" ");
}

const base = {
  reference: "PV-2026-000042",
  receivedDate: "2026-03-05",
  dueDate: "2026-04-07",
  recipientName: "Åse Ødegård",
  postalAddress: "Testveien 1\n5003 Bergen",
  municipality: municipalityProfile("bergen"),
};

describe("receipt letter", () => {
  it.each([
    ["nb", "Du får svar innen tirsdag 7. april 2026.", "Kvittering for forespørsel PV-2026-000042"],
    ["nn", "Du får svar innan tysdag 7. april 2026.", "Kvittering for førespurnad PV-2026-000042"],
    ["en", "You will get an answer by Tuesday 7 April 2026.", "Receipt for request PV-2026-000042"],
  ] as const)("is a one-page A4 PDF in %s with the due date in words", async (locale, dueLine, title) => {
    const pdf = await renderReceiptLetter({ ...base, locale });
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(Math.round(doc.getPage(0).getWidth())).toBe(595);
    const text = await pageText(pdf);
    expect(text).toContain(title);
    expect(text).toContain(dueLine);
    expect(text).toContain("Postboks 458 Sentrum, 0105 Oslo");
    expect(text).toContain("Åse Ødegård");
    expect(text).toContain("5003 Bergen");
    expect(text).toContain("personvernombud@bergen.kommune.no");
  });

  it("prints names with characters outside Latin-1 instead of failing", async () => {
    expect(printable("Zoë Łukasz 李")).toBe("Zoë ?ukasz ?");
    const pdf = await renderReceiptLetter({ ...base, locale: "nb", recipientName: "Łukasz Ŋ 李" });
    expect(Buffer.from(pdf.subarray(0, 4)).toString("latin1")).toBe("%PDF");
  });
});
