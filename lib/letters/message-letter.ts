// A message to a requester who chose answers by post: the same text as the portal message, as a PDF
// letter for the print queue. Without it an extension notice (Art. 12(3)) or a question that pauses
// the case would never reach someone who does not use the portal.
import { enqueueLetterInTx, svarUtTakesLetters } from "@/lib/platform/integration-outbox";
import { nationalIdIsVerified } from "@/lib/domain/national-id";
import { createTranslator } from "next-intl";
import type { Tx } from "@/lib/db/client";
import { osloDateOf } from "@/lib/domain/calendar";
import { loadMessages } from "@/i18n/messages";
import { isLocale } from "@/i18n/locales";
import { municipalityProfile, type MunicipalityProfile } from "@/lib/config/municipalities";
import { municipalityForCase } from "@/lib/admin/profile-contact";
import type { IsoDate } from "@/lib/domain/calendar";
import { renderResponseLetterPdf } from "./response-pdf";
import type { LetterDelivery, LetterKind } from "@/lib/domain/letters";
import type { OnBehalfOfChoice } from "@/lib/requests/request-schema";

export type MessageLetterInput = {
  locale: string;
  reference: string;
  municipalityId: string;
  /** The profile with the admin's contact values (municipalityForCase); without it the shipped one. */
  municipality?: MunicipalityProfile;
  letterDate: IsoDate;
  body: string;
  /** On whose behalf the request was made (the letter names the child too). */
  concerns?: { onBehalfOf: OnBehalfOfChoice; subjectName: string | null };
  recipientName: string;
  postalAddress: string | null;
};

/** The letter's plain text (title, the message, how to answer), in the requester's language. */
export function messageLetterText(input: Omit<MessageLetterInput, "letterDate" | "recipientName" | "postalAddress">): string {
  const locale = isLocale(input.locale) ? input.locale : "nb";
  const t = createTranslator({ locale, messages: loadMessages(locale) });
  const municipality = input.municipality ?? municipalityProfile(input.municipalityId);
  const title = t("letters.message.title", { reference: input.reference });
  const concerns =
    input.concerns && input.concerns.onBehalfOf !== "self"
      ? t("letters.template.concerns", { onBehalfOf: input.concerns.onBehalfOf, subject: input.concerns.subjectName?.trim() || "–" })
      : null;
  return [
    title,
    "=".repeat(Math.max(3, title.length)),
    "",
    ...(concerns ? [concerns, ""] : []),
    input.body.trim(),
    "",
    // A paper letter names post and phone: its reader chose not to use the portal.
    t("letters.message.howToAnswer", { reference: input.reference, contact: [municipality.postalAddress, municipality.phone].filter(Boolean).join(", ") }),
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
    municipality: input.municipality ?? municipalityProfile(input.municipalityId),
  });
  return { text, pdf };
}

export type PaperCopyCase = {
  id: string;
  reference: string;
  locale: string;
  municipalityId: string;
  answerChannel: "digital" | "paper";
  onBehalfOf?: OnBehalfOfChoice;
  subjectName?: string | null;
  requester: { name: string; postalAddress: string | null };
};

/**
 * For a requester who answers by post: queues `body` as a letter for the print queue, with its audit
 * event, in the caller's transaction. Does nothing for digital requesters. Returns the letter id.
 */
export async function queuePaperCopyInTx(
  tx: Tx,
  c: PaperCopyCase,
  input: { body: string; staffUserId: string | null; now: Date },
): Promise<string | null> {
  // SvarUt takes the letter (digital mailbox, or printed and posted) when it can; otherwise only
  // someone who answers by post gets it on paper, through the print queue.
  const row = await tx.case.findUnique({ where: { id: c.id }, select: { registeredById: true, requester: { select: { nationalIdEncrypted: true, identityLevel: true } } } });
  const viaSvarUt = svarUtTakesLetters(Boolean(row?.requester.nationalIdEncrypted) && nationalIdIsVerified(row!.requester.identityLevel, row!.registeredById !== null));
  if (c.answerChannel !== "paper" && !viaSvarUt) return null;
  const delivery: LetterDelivery = viaSvarUt ? "svarut" : "post";
  const letter = await renderMessageLetter({
    locale: c.locale,
    reference: c.reference,
    municipalityId: c.municipalityId,
    municipality: await municipalityForCase(tx, c),
    letterDate: osloDateOf(input.now),
    body: input.body,
    concerns: c.onBehalfOf ? { onBehalfOf: c.onBehalfOf, subjectName: c.subjectName ?? null } : undefined,
    recipientName: c.requester.name,
    postalAddress: c.requester.postalAddress,
  });
  const created = await tx.letter.create({
    data: {
      caseId: c.id,
      kind: "message" satisfies LetterKind,
      locale: c.locale,
      delivery,
      body: letter.text,
      pdf: Buffer.from(letter.pdf),
      createdById: input.staffUserId,
      createdAt: input.now,
    },
    select: { id: true },
  });
  await tx.caseEvent.create({
    data: {
      caseId: c.id,
      at: input.now,
      actorType: input.staffUserId ? "staff" : "system",
      actorId: input.staffUserId,
      type: "letter.sent",
      after: { letterId: created.id, kind: "message", delivery },
    },
  });
  await enqueueLetterInTx(tx, { caseId: c.id, municipalityId: c.municipalityId, letterId: created.id, viaSvarUt, at: input.now });
  return created.id;
}
