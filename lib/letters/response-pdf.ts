// The response letter as a PDF (A4): sender and recipient blocks, then the letter's text as sent
// (plain text with headings, see response-templates.ts), on as many pages as it needs.
import type { MunicipalityProfile } from "@/lib/config/municipalities";
import type { IsoDate } from "@/lib/domain/calendar";
import { createLetter, parsePlainLetter, saveLetter, writePlainLetter } from "./pdf";
import { letterLocale } from "./response-templates";

export type ResponseLetterPdfInput = {
  locale: string;
  reference: string;
  letterDate: IsoDate;
  /** The final text (after the caseworker's edits). */
  text: string;
  recipientName: string;
  /** Printed in the address block for letters sent by post. */
  postalAddress: string | null;
  municipality: Pick<MunicipalityProfile, "name" | "postalAddress">;
};

export async function renderResponseLetterPdf(input: ResponseLetterPdfInput): Promise<Uint8Array> {
  const blocks = parsePlainLetter(input.text);
  const title = blocks.find((b) => b.kind === "title")?.text ?? input.reference;
  const { doc, writer: w } = await createLetter({
    title: `${title} (${input.reference})`,
    locale: letterLocale(input.locale),
    date: new Date(`${input.letterDate}T12:00:00Z`),
  });
  w.text(input.municipality.name, { bold: true, gapAfter: 0 });
  w.text(input.municipality.postalAddress, { size: 10, gapAfter: 24 });
  w.text(input.recipientName, { gapAfter: 0 });
  for (const line of (input.postalAddress ?? "").split(/\r?\n|,\s*/).filter(Boolean)) w.text(line, { gapAfter: 0 });
  w.y -= 28;
  writePlainLetter(w, blocks);
  return saveLetter(doc);
}
