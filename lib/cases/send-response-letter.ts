// Use case: a caseworker sends the response letter of a decided case (GDPR Art. 12(4)).
//
// Policy case.decide on a case in scope (else not_found / forbidden). The case must have decisions.
// The edited text is checked: a refusal or partial grant must still carry the complaint to
// Datatilsynet, the right to go to court, every cited legal basis, the reasons and the enkeltvedtak's
// appeal information; and no letter may say the recipients were told (Art. 19) while the case's
// recipient-notice tasks are not all done. Granted access or portability needs the copy on the case
// (an answer file; letters' PDFs do not count), and a granted access answer must still describe
// every system where a search found data, each with its entry in the records of processing
// (lib/letters/access-register.ts). Otherwise validation_failed, nothing written. Then, in ONE transaction:
// - delivery "portal": the Letter row (body + PDF), a secure message to the requester with the
//   letter's text, the PDF as an answer attachment of that message, their audit events, the
//   "letter.sent" event and a "new_message" e-mail (reference + link only) in the outbox;
// - delivery "post": the Letter row (queued for the print queue, body + PDF) and "letter.sent";
//   no e-mail.
// The PDF file of a portal letter is written to storage first and removed again if the
// transaction fails (as lib/files/upload-attachment.ts does).
// Optimistic locking like every other case change: the caller passes the case version it showed;
// sending bumps it in the same transaction, so a second tab (or a colleague) with the same page
// gets conflict_stale_version instead of sending a second letter.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { removeStoredFile, storeFile } from "@/lib/files/storage";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { osloDateOf } from "@/lib/domain/calendar";
import { foundSystemsOf, loadLetterCase, needsAccessRegister, needsCopy } from "@/lib/letters/response-draft";
import { hasRegisterProblems, registerProblems } from "@/lib/letters/access-register";
import { renderResponseLetterPdf } from "@/lib/letters/response-pdf";
import { letterLocale, missingMandatoryParts, responseLetterFileName } from "@/lib/letters/response-templates";
import { staffCaseRef } from "./case-access";
import { myCaseLink } from "./staff-send-message";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { enqueueLetterInTx, svarUtTakesLetters } from "@/lib/platform/integration-outbox";
import { nationalIdIsVerified } from "@/lib/domain/national-id";
import { kickIntegrations } from "@/lib/platform/integration-runner";
import { LETTER_DELIVERIES, recipientNoticesOf, type LetterDelivery, type LetterKind } from "@/lib/domain/letters";
import { now as clockNow } from "@/lib/clock";

export const LETTER_BODY_MAX = 20_000;

export const sendLetterSchema = z.object({
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "bodyEmpty").max(LETTER_BODY_MAX, "bodyTooLong")),
  delivery: z.enum(LETTER_DELIVERIES, { error: "delivery" }),
});

export type SendLetterInput = { reference: string; body: string; delivery: string; expectedVersion: number; now?: Date };
export type SendLetterResult = { letterId: string; delivery: LetterDelivery; messageId: string | null; attachmentId: string | null; mailed: boolean };

export async function sendResponseLetter(actor: Actor, input: SendLetterInput): Promise<SendLetterResult> {
  const visible = await staffCaseRef(actor, input.reference);
  if (!visible || actor.kind !== "staff") throw new DomainError("not_found");
  if (!can(actor, "case.decide", visible.ref)) throw new DomainError("forbidden");

  const parsed = sendLetterSchema.safeParse({ body: input.body, delivery: input.delivery });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("validation_failed", { field: String(issue?.path[0] ?? "body"), reason: issue?.message ?? "bodyEmpty" });
  }
  const { body, delivery } = parsed.data;
  const version = versionField.safeParse(input.expectedVersion);
  if (!version.success) throw new DomainError("validation_failed", { field: "version", reason: "version" });
  // Checked early (no PDF for a page that is out of date) and again by the guarded update below.
  if (version.data !== visible.version) throw new DomainError("conflict_stale_version", { reference: visible.reference });
  const now = input.now ?? clockNow();

  const c = await loadLetterCase(db(), visible.id);
  if (c.decisions.length === 0) throw new DomainError("validation_failed", { field: "case", reason: "noDecisions" });
  const check = missingMandatoryParts(body, { locale: c.locale, decisions: c.decisions, recipientNotices: recipientNoticesOf(c.tasks, c.noRecipientsAt !== null) });
  if (check.missing.length > 0) {
    throw new DomainError("validation_failed", {
      field: "body",
      reason: "mandatory",
      missing: check.missing,
      citations: check.citations,
      reasons: check.reasons,
    });
  }
  // The copy the letter hands over (Art. 15(3), 20(1)) must be on the case: answer files, not
  // counting earlier letters' PDFs (a reopened case's first answer is no copy of the data).
  if (needsCopy(c.decisions) && c._count.attachments === 0) throw new DomainError("validation_failed", { field: "body", reason: "noCopy" });
  // A granted access answer describes every system where data was found (Art. 15(1)(a)-(h), 15(2)).
  if (needsAccessRegister(c.decisions)) {
    const problems = registerProblems(body, letterLocale(c.locale), foundSystemsOf(c.tasks));
    if (hasRegisterProblems(problems)) {
      throw new DomainError("validation_failed", { field: "body", reason: "register", noSystems: problems.noSystems, gaps: problems.gaps, incomplete: problems.incomplete });
    }
  }
  const postalAddress = c.requester.postalAddress?.trim() || null;
  if (delivery === "post" && !postalAddress) throw new DomainError("validation_failed", { field: "delivery", reason: "noPostalAddress" });

  const pdf = Buffer.from(
    await renderResponseLetterPdf({
      locale: c.locale,
      reference: c.reference,
      letterDate: osloDateOf(now),
      text: body,
      recipientName: c.requester.name,
      postalAddress: delivery === "post" ? postalAddress : null,
      municipality: c.municipality,
    }),
  );
  const actorRef = { actorType: "staff" as const, actorId: actor.userId };
  const to = c.requester.email ?? c.requester.identity?.email ?? null;

  // SvarUt (when the municipality has it and the fødselsnummer is known) posts the paper letter
  // or delivers it to the digital mailbox; otherwise paper waits in the print queue.
  const viaSvarUt = svarUtTakesLetters(c.requester.nationalIdEncrypted !== null && nationalIdIsVerified(c.requester.identityLevel, c.registeredById !== null));
  if (delivery === "post") {
    const stored: LetterDelivery = viaSvarUt ? "svarut" : "post";
    const letter = await db().$transaction(async (tx) => {
      await bumpCaseVersionInTx(tx, c.id, version.data);
      const row = await tx.letter.create({
        data: { caseId: c.id, kind: "response" satisfies LetterKind, locale: c.locale, delivery: stored, status: "queued", body, pdf, createdById: actor.userId, createdAt: now },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: { caseId: c.id, at: now, ...actorRef, type: "letter.sent", after: { letterId: row.id, kind: "response", delivery: stored, locale: c.locale } },
      });
      await enqueueLetterInTx(tx, { caseId: c.id, municipalityId: c.municipalityId, letterId: row.id, viaSvarUt, at: now });
      return row;
    });
    kickIntegrations();
    return { letterId: letter.id, delivery: stored, messageId: null, attachmentId: null, mailed: false };
  }

  const { storageKey, sha256 } = await storeFile(pdf);
  let result: SendLetterResult;
  try {
    result = await db().$transaction(async (tx) => {
      await bumpCaseVersionInTx(tx, c.id, version.data);
      const message = await tx.message.create({
        data: { caseId: c.id, kind: "to_requester", authorId: actor.userId, body, createdAt: now },
        select: { id: true },
      });
      // The letter points at its message, so the thread shows it as a letter with its PDF.
      const letter = await tx.letter.create({
        data: { caseId: c.id, kind: "response" satisfies LetterKind, locale: c.locale, delivery: "portal" satisfies LetterDelivery, status: "queued", body, pdf, createdById: actor.userId, createdAt: now, messageId: message.id },
        select: { id: true },
      });
      const attachment = await tx.attachment.create({
        data: {
          caseId: c.id,
          messageId: message.id,
          purpose: "answer",
          fileName: responseLetterFileName(c.locale, c.reference),
          contentType: "application/pdf",
          sizeBytes: pdf.length,
          sha256,
          storageKey,
          uploadedBy: "staff",
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.caseEvent.createMany({
        data: [
          { caseId: c.id, at: now, ...actorRef, type: "message.to_requester", after: { messageId: message.id } },
          { caseId: c.id, at: now, ...actorRef, type: "attachment.answer", after: { attachmentId: attachment.id, contentType: "application/pdf", sizeBytes: pdf.length, sha256 } },
          {
            caseId: c.id,
            at: now,
            ...actorRef,
            type: "letter.sent",
            after: { letterId: letter.id, kind: "response", delivery: "portal", locale: c.locale, messageId: message.id, attachmentId: attachment.id },
          },
        ],
      });
      await enqueueLetterInTx(tx, { caseId: c.id, municipalityId: c.municipalityId, letterId: letter.id, viaSvarUt, at: now });
      if (to) {
        await enqueueMail(tx, {
          to,
          template: "new_message",
          locale: c.locale,
          params: { reference: c.reference, link: myCaseLink(c.reference) },
          caseId: c.id,
        });
      }
      return { letterId: letter.id, delivery, messageId: message.id, attachmentId: attachment.id, mailed: to !== null };
    });
  } catch (error) {
    await removeStoredFile(storageKey);
    throw error;
  }
  if (result.mailed) kickOutbox();
  kickIntegrations();
  return result;
}
