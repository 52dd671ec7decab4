// The receipt as a paper letter (PDF, A4), for people who asked to be answered by post (for example
// because they are reserved against digital communication in KRR). Texts in nb, nn and en from
// messages/requestFlow (requestFlow.letter.*). Made with the shared helpers in ./pdf (pdf-lib's
// standard Helvetica, whose WinAnsi encoding covers æ, ø and å).
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import { formatDateLong, type IsoDate } from "@/lib/domain/calendar";
import type { MunicipalityProfile } from "@/lib/config/municipalities";
import type { Right } from "@/lib/domain/rights";
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
  const t = createTranslator({ locale: input.locale, messages: loadMessages(input.locale), namespace: "requestFlow.letter" });
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

export type ReceiptCopyInput = {
  locale: Locale;
  reference: string;
  rights: readonly Right[];
  receivedDate: IsoDate;
  dueDate: IsoDate;
  answerChannel: "digital" | "paper";
  /** A paper receipt letter is on its way (the page says so too). */
  letterQueued: boolean;
  /** The portal's address, for "how to follow your case". */
  portalUrl: string;
  municipality: Pick<MunicipalityProfile, "name" | "postalAddress" | "dpo">;
};

/**
 * The receipt page as a PDF for the citizen to keep: what the page shows (reference, what was asked,
 * received date, due date in words, how the answer comes, what happens next, how to follow the case,
 * where to complain) and nothing more: no name, no address, no receipt link (the link opens the
 * page; the file may be forwarded). Texts from the page's own messages.
 */
export async function renderReceiptCopy(input: ReceiptCopyInput): Promise<Uint8Array> {
  const t = createTranslator({ locale: input.locale, messages: loadMessages(input.locale) });
  const title = t("requestFlow.letter.title", { reference: input.reference });
  const { doc, writer: w } = await createLetter({
    title,
    subject: input.reference,
    author: input.municipality.name,
    keywords: [input.reference],
    locale: input.locale,
    date: new Date(`${input.receivedDate}T12:00:00Z`),
  });
  const paper = input.answerChannel === "paper";

  w.text(input.municipality.name, { bold: true, gapAfter: 0 });
  w.text(input.municipality.postalAddress, { size: 10, gapAfter: 28 });
  w.text(title, { size: 16, bold: true, gapAfter: 4 });
  w.text(`${t("receipt.heading")}.`, { gapAfter: 16 });

  const field = (label: string, value: string) => {
    w.text(label, { size: 10, bold: true, gapAfter: 1 });
    w.text(value, { gapAfter: 8 });
  };
  field(t("receipt.referenceLabel"), input.reference);
  w.text(t("receipt.rightsLabel"), { size: 10, bold: true, gapAfter: 1 });
  for (const right of input.rights) {
    w.bullet(`${t(`rights.${right}.title`)} (${t(`rights.${right}.legalName`)})`, { indent: 2, gapAfter: 1 });
  }
  w.y -= 7;
  field(t("receipt.receivedLabel"), formatDateLong(input.receivedDate, input.locale));
  field(t("requestFlow.receipt.answerLabel"), t(`requestFlow.fields.answerChannel.${input.answerChannel}`));
  w.text(t("receipt.dueLine", { date: formatDateLong(input.dueDate, input.locale) }), { size: 12, bold: true, gapAfter: 4 });
  w.text(t("receipt.keepReference"), { gapAfter: paper ? 4 : 16 });
  if (paper) w.text(t(input.letterQueued ? "requestFlow.receipt.letterComing" : "requestFlow.receipt.paperAnswer"), { gapAfter: 16 });

  w.ensureSpace(120);
  w.text(t("receipt.nextHeading"), { size: 13, bold: true });
  // The page's list; its last point ("follow the case in Mine saker") with the portal's address.
  const next = [paper ? "requestFlow.receipt.next1Paper" : "requestFlow.receipt.next1Digital", "receipt.next2", "receipt.next3"] as const;
  for (const key of next) w.bullet(t(key), { indent: 2 });
  w.bullet(t("requestFlow.receiptPdf.follow", { url: input.portalUrl }), { indent: 2, gapAfter: 16 });

  w.ensureSpace(90);
  w.text(t("receipt.complaintHeading"), { size: 13, bold: true });
  const dpo = input.municipality.dpo;
  const contact = [dpo.name, dpo.email, dpo.phone].filter(Boolean).join(", ");
  w.text(t("requestFlow.receipt.complaintDpo", { contact: contact || input.municipality.postalAddress }));
  w.text(t("requestFlow.receipt.complaintDatatilsynet"));
  return saveLetter(doc);
}
