// Shared PDF helpers for paper and portal letters (A4, pdf-lib). pdf-lib's standard Helvetica uses
// WinAnsi encoding, which covers æ, ø and å (and the rest of Latin-1): no font file has to be
// shipped. Characters outside it are replaced by `printable`, so any name can be printed.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { LetterBlock } from "./plain-letter";

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 64;

/** Replaces characters Helvetica (WinAnsi) cannot draw, so any name or address can be printed. */
export function printable(text: string): string {
  return Array.from(text.normalize("NFC"), (ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\t") return " ";
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return "";
    if (code <= 0xff) return ch;
    if ("–—‘’“”…€•".includes(ch)) return ch;
    return "?";
  }).join("");
}

/** Splits `text` into lines that fit `width` (paragraphs on "\n" are kept). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of printable(paragraph).split(/\s+/).filter(Boolean)) {
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

export type TextOptions = { size?: number; bold?: boolean; gapAfter?: number; indent?: number };

/** Writes lines top-down; starts a new page when the current one is full. */
export class Writer {
  y = A4.height - MARGIN;
  private page: PDFPage;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
    private bold: PDFFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  text(value: string, opts: TextOptions = {}) {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const line of wrap(value, font, size, A4.width - 2 * MARGIN - indent)) {
      if (this.y < MARGIN) this.newPage();
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.4;
    }
    this.y -= opts.gapAfter ?? 6;
  }

  /** A bullet point with a hanging indent: wrapped lines start under the text, not under the bullet. */
  bullet(value: string, opts: TextOptions = {}) {
    const size = opts.size ?? 11;
    const indent = opts.indent ?? 0;
    const hang = 14;
    const font = opts.bold ? this.bold : this.font;
    const lines = wrap(value, font, size, A4.width - 2 * MARGIN - indent - hang);
    lines.forEach((line, i) => {
      if (this.y < MARGIN) this.newPage();
      if (i === 0) this.page.drawText("•", { x: MARGIN + indent, y: this.y, size, font: this.font, color: rgb(0, 0, 0) });
      this.page.drawText(line, { x: MARGIN + indent + hang, y: this.y, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.4;
    });
    this.y -= opts.gapAfter ?? 3;
  }

  /** Keeps a heading together with what follows: a new page when less than `needed` points remain. */
  ensureSpace(needed: number) {
    if (this.y - needed < MARGIN) this.newPage();
  }
}

export type LetterMeta = {
  title: string;
  locale: "nb" | "nn" | "en";
  date: Date;
  /** Optional document metadata (shown in the reader's document properties). */
  subject?: string;
  author?: string;
  keywords?: string[];
};

/** A new A4 letter document with metadata and a writer on its first page. */
export async function createLetter(meta: LetterMeta): Promise<{ doc: PDFDocument; writer: Writer }> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(meta.title));
  doc.setLanguage(meta.locale === "en" ? "en" : meta.locale === "nn" ? "nn-NO" : "nb-NO");
  if (meta.subject) doc.setSubject(printable(meta.subject));
  if (meta.author) doc.setAuthor(printable(meta.author));
  if (meta.keywords?.length) doc.setKeywords(meta.keywords.map(printable));
  doc.setProducer("Personvernportalen");
  doc.setCreator("Personvernportalen");
  // Fixed dates keep the file the same for the same input (no clock inside the output).
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const writer = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  return { doc, writer };
}

export async function saveLetter(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false });
}

export { parsePlainLetter, type LetterBlock } from "./plain-letter";

/** Draws the blocks of a plain-text letter. */
export function writePlainLetter(w: Writer, blocks: LetterBlock[]) {
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        w.ensureSpace(60);
        w.text(block.text, { size: 15, bold: true, gapAfter: 10 });
        break;
      case "heading":
        w.ensureSpace(50);
        w.y -= 6;
        w.text(block.text, { size: 12.5, bold: true, gapAfter: 4 });
        break;
      case "bullet":
        w.text(`•  ${block.text}`, { indent: 8, gapAfter: 3 });
        break;
      case "paragraph":
        w.text(block.text, { gapAfter: 8 });
        break;
    }
  }
}
