// Use case: reopen a closed case (issue 13, item 1), after a complaint to the DPO, an order from
// Datatilsynet or a court, or an answer found to be incomplete. Unit leads (their units and
// unit-less cases) and the DPO; a caseworker who can see the case is "not allowed", anyone else
// gets not_found. One transaction: the state machine's "reopen" (new due date: one month from now,
// or the date an order set), the earlier decisions set aside (their outcomes and legal bases stay in
// the case.decided event, their reasons in the letter that was sent), the follow-up mark cleared,
// and a secure message to the requester with the new due date (plus a paper copy for answers by
// post and a "new message" e-mail with only the reference and a link).
import { z } from "zod";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { loadMessages } from "@/i18n/messages";
import { isLocale } from "@/i18n/locales";
import { formatDateLong, isValidIsoDate } from "@/lib/domain/calendar";
import { REOPEN_GROUNDS, REOPEN_REASON_MIN_LENGTH, type ReopenGround } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { messageRequesterInTx, versionField } from "./ask-requester";
import { transitionCaseInTx } from "./case-transition";
import { requireCaseAction } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const REOPEN_REASON_MAX_LENGTH = 2000;

export const reopenSchema = z.object({
  ground: z.enum(REOPEN_GROUNDS, { error: "caseWork.reopen.errors.groundRequired" }),
  reason: z
    .string({ error: "caseWork.reopen.errors.reasonTooShort" })
    .trim()
    .min(REOPEN_REASON_MIN_LENGTH, "caseWork.reopen.errors.reasonTooShort")
    .max(REOPEN_REASON_MAX_LENGTH, "caseWork.validation.textTooLong")
    .regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid"),
  // Empty = no order set a date: one month from reopening.
  orderedDueDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidIsoDate(v), "caseWork.reopen.errors.orderedDueDateInvalid"),
  version: versionField,
});

export type ReopenInput = {
  reference: string;
  ground: string;
  reason: string;
  orderedDueDate?: string;
  expectedVersion: number;
  now?: Date;
};

/** The message to the requester: the case is open again and when they will hear from us, in the case's language. */
export function reopenMessage(locale: string, reference: string, ground: ReopenGround, dueDate: string): string {
  const l = isLocale(locale) ? locale : "nb";
  const t = createTranslator({ locale: l, messages: loadMessages(l) });
  return t("caseWork.reopen.messageToRequester", {
    reference,
    why: t(`caseWork.reopen.citizenGround.${ground}`),
    date: formatDateLong(dueDate, l),
  });
}

export async function reopenCase(actor: Actor, input: ReopenInput): Promise<{ version: number; dueDate: string }> {
  const found = await requireCaseAction(actor, input.reference, "case.reopen");
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = reopenSchema.safeParse({
    ground: input.ground,
    reason: input.reason,
    orderedDueDate: input.orderedDueDate,
    version: input.expectedVersion,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("validation_failed", { field: String(issue?.path[0] ?? "form"), reason: issue?.message });
  }
  const { ground, reason, orderedDueDate, version } = parsed.data;
  const now = input.now ?? clockNow();
  const result = await db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { anonymisedAt: true } });
    // An anonymised case has nothing left to handle again.
    if (current.anonymisedAt) throw new DomainError("invalid_transition", { command: "reopen", reason: "anonymised" });
    const transition = await transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "reopen", ground, reason, ...(orderedDueDate ? { orderedDueDate } : {}) },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: version,
      now,
    });
    await tx.caseDecision.deleteMany({ where: { caseId: found.id } });
    await tx.case.update({ where: { id: found.id }, data: { followUpAt: null } });
    const sent = await messageRequesterInTx(tx, actor, found, reopenMessage(found.locale, found.reference, ground, transition.dueDate), now);
    return { version: transition.version, dueDate: transition.dueDate, mailed: sent.mailed };
  });
  if (result.mailed) kickOutbox();
  return { version: result.version, dueDate: result.dueDate };
}
