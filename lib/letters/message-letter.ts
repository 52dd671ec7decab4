// A message to a requester who chose answers by post: the same text as the portal message, as a PDF
// letter for the print queue. Without it an extension notice (Art. 12(3)) or a question that pauses
// the case would never reach someone who does not use the portal.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale } from "@/i18n/locales";
import { municipalityProfile } from "@/lib/config/municipalities";
import type { IsoDate } from "@/lib/domain/calendar";
import { renderResponseLetterPdf } from "./response-pdf";

export type MessageLetterInput = {
  locale: string;
  reference: string;
  municipalityId: string;
  letterDate: IsoDate;
  body: string;
  recipientName: string;
  postalAddress: string | null;
};

/** The letter's plain text (title, the message, how to answer), in the requester's language. */
export function messageLetterText(input: Omit<MessageLetterInput, "letterDate" | "recipientName" | "postalAddress">): string {
  const locale = isLocale(input.locale) ? input.locale : "nb";
  const t = createTranslator({ locale, messages: loadMessages(locale) as unknown as AbstractIntlMessages }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const municipality = municipalityProfile(input.municipalityId);
  const title = t("letters.message.title", { reference: input.reference });
  return [
    title,
    "=".repeat(Math.max(3, title.length)),
    "",
    input.body.trim(),
    "",
    t("letters.message.howToAnswer", { reference: input.reference, address: municipality.postalAddress }),
  ].join("\n");
}

export async function renderMessageLetter(input: MessageLetterInput): Promise<{ text: string; pdf: Uint8Array }> {
  const text = messageLetterText(input);
  const pdf = await renderResponseLetterPdf({
    locale: input.locale,
    reference: input.reference,
    letterDate: input.letterDate,
    text,
    recipientName: input.recipientName,
    postalAddress: input.postalAddress,
    municipality: municipalityProfile(input.municipalityId),
  });
  return { text, pdf };
}
