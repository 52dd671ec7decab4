// The receipt as a paper letter (PDF, A4), for people who asked to be answered by post (for example
// because they are reserved against digital communication in KRR). Texts in nb, nn and en from
// messages/requestFlow (requestFlow.letter.*). Made with the shared helpers in ./pdf (pdf-lib's
// standard Helvetica, whose WinAnsi encoding covers æ, ø and å).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import { formatDateLong, type IsoDate } from "@/lib/domain/calendar";
import type { MunicipalityProfile } from "@/lib/config/municipalities";
import { createLetter, printable, saveLetter } from "./pdf";

// Kept here for existing callers: the helper lives in ./pdf.
export { printable };

export type ReceiptLetterInput = {
  locale: Locale;
  reference: string;
  receivedDate: IsoDate;
  dueDate: IsoDate;
  recipientName: string;
  postalAddress: string;
  municipality: Pick<MunicipalityProfile, "name" | "postalAddress" | "dpo">;
};

/** The receipt letter as PDF bytes (starts with "%PDF"). */
export async function renderReceiptLetter(input: ReceiptLetterInput): Promise<Uint8Array> {
  // The feature catalogues are merged at runtime; their keys are not in the static type.
  const messages = loadMessages(input.locale) as unknown as AbstractIntlMessages;
  const translate = createTranslator({ locale: input.locale, messages }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const t = (key: string, values?: Record<string, string>) => translate(`requestFlow.letter.${key}`, values);
  const { doc, writer: w } = await createLetter({
    title: t("title", { reference: input.reference }),
    locale: input.locale,
    // Fixed dates keep the file the same for the same input (no clock inside a transaction's output).
    date: new Date(`${input.receivedDate}T12:00:00Z`),
  });

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
  return saveLetter(doc);
}
