// The receipt as a paper letter (PDF, A4), for people who asked to be answered by post (for example
// because they are reserved against digital communication in KRR). Texts in nb, nn and en from
// messages/requestFlow (requestFlow.letter.*). Made with pdf-lib's standard Helvetica, whose
// WinAnsi encoding covers æ, ø and å.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import { formatDateLong, type IsoDate } from "@/lib/domain/calendar";
import type { MunicipalityProfile } from "@/lib/config/municipalities";

export type ReceiptLetterInput = {
  locale: Locale;
  reference: string;
  receivedDate: IsoDate;
  dueDate: IsoDate;
  recipientName: string;
  postalAddress: string;
  municipality: Pick<MunicipalityProfile, "name" | "postalAddress" | "dpo">;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;

/** Replaces characters Helvetica (WinAnsi) cannot draw, so any name or address can be printed. */
export function printable(text: string): string {
  return Array.from(text.normalize("NFC"), (ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\t") return " ";
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return "";
    if (code <= 0xff) return ch;
    if ("–—‘’“”…€".includes(ch)) return ch;
    return "?";
  }).join("");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  y = A4.height - MARGIN;
  constructor(
    private page: PDFPage,
    private font: PDFFont,
    private bold: PDFFont,
  ) {}
  text(value: string, opts: { size?: number; bold?: boolean; gapAfter?: number } = {}) {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.font;
    for (const line of wrap(value, font, size, A4.width - 2 * MARGIN)) {
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.4;
    }
    this.y -= opts.gapAfter ?? 6;
  }
}

/** The receipt letter as PDF bytes (starts with "%PDF"). */
export async function renderReceiptLetter(input: ReceiptLetterInput): Promise<Uint8Array> {
  // The feature catalogues are merged at runtime; their keys are not in the static type.
  const messages = loadMessages(input.locale) as unknown as AbstractIntlMessages;
  const translate = createTranslator({ locale: input.locale, messages }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const t = (key: string, values?: Record<string, string>) => translate(`requestFlow.letter.${key}`, values);
  const doc = await PDFDocument.create();
  doc.setTitle(printable(t("title", { reference: input.reference })));
  doc.setLanguage(input.locale === "en" ? "en" : input.locale === "nn" ? "nn-NO" : "nb-NO");
  doc.setProducer("Personvernportalen");
  doc.setCreator("Personvernportalen");
  // Fixed dates keep the file the same for the same input (no clock inside a transaction's output).
  doc.setCreationDate(new Date(`${input.receivedDate}T12:00:00Z`));
  doc.setModificationDate(new Date(`${input.receivedDate}T12:00:00Z`));
  const page = doc.addPage([A4.width, A4.height]);
  const w = new Writer(page, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.text(input.municipality.name, { bold: true, gapAfter: 0 });
  w.text(input.municipality.postalAddress, { size: 10, gapAfter: 24 });
  w.text(input.recipientName, { gapAfter: 0 });
  for (const line of input.postalAddress.split(/\r?\n|,\s*/).filter(Boolean)) w.text(line, { gapAfter: 0 });
  w.y -= 24;
  w.text(formatDateLong(input.receivedDate, input.locale), { size: 10, gapAfter: 18 });

  w.text(t("title", { reference: input.reference }), { size: 16, bold: true, gapAfter: 12 });
  w.text(t("received", { date: formatDateLong(input.receivedDate, input.locale) }));
  w.text(t("referenceLine", { reference: input.reference }), { bold: true });
  w.text(t("dueLine", { date: formatDateLong(input.dueDate, input.locale) }), { bold: true, gapAfter: 14 });

  w.text(t("nextHeading"), { size: 13, bold: true });
  w.text(t("next1"));
  w.text(t("next2"));
  w.text(t("next3"), { gapAfter: 14 });

  w.text(t("complaintHeading"), { size: 13, bold: true });
  const dpo = input.municipality.dpo;
  const dpoContact = [dpo.name, dpo.email, dpo.phone, dpo.postalAddress].filter(Boolean).join(", ");
  w.text(t("complaintDpo", { contact: dpoContact || input.municipality.postalAddress }));
  w.text(t("complaintDatatilsynet"), { gapAfter: 14 });

  w.text(t("keepReference"), { size: 10 });
  w.text(t("signature", { municipality: input.municipality.name }), { size: 10 });
  return doc.save({ useObjectStreams: false });
}
