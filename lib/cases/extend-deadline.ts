// Use case: extend the deadline by two further months (Art. 12(3)). The state machine allows it
// only once, with reasons and the ground (complexity / number of requests), on or before the one-month due date. One transaction: the "extend"
// command (extended flag, new due date, audit event), a secure message to the requester with the
// reasons and the new due date in the requester's language, and a "new_message" e-mail that carries
// only the reference and a link (never the reasons).
import { z } from "zod";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db/client";
import { loadMessages } from "@/i18n/messages";
import { isLocale } from "@/i18n/locales";
import { formatDateLong } from "@/lib/domain/calendar";
import { EXTENSION_GROUNDS } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { messageRequesterInTx, versionField } from "./ask-requester";
import { transitionCaseInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const EXTENSION_REASON_MAX_LENGTH = 2000;

export const extendSchema = z.object({
  // The state machine checks the minimum length (EXTENSION_REASON_MIN_LENGTH) and shows its own error.
  reason: z
    .string({ error: "caseWork.validation.extendReasonRequired" })
    .trim()
    .min(1, "caseWork.validation.extendReasonRequired")
    .max(EXTENSION_REASON_MAX_LENGTH, "caseWork.validation.textTooLong")
    .regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid"),
  // Which of the two grounds in Art. 12(3) applies; recorded for the DPO's statistics.
  ground: z.enum(EXTENSION_GROUNDS, { error: "caseWork.validation.extendGroundRequired" }),
  version: versionField,
});

/** The message to the requester: new due date + the reasons, in the case's language. */
export function extensionMessage(locale: string, dueDate: string, reason: string): string {
  const l = isLocale(locale) ? locale : "nb";
  const t = createTranslator({ locale: l, messages: loadMessages(l) });
  return t("caseWork.extend.messageToRequester", { date: formatDateLong(dueDate, l), reason });
}

export async function extendDeadline(
  actor: Actor,
  input: { reference: string; reason: string; ground: string; expectedVersion: number; now?: Date },
): Promise<{ version: number; dueDate: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.extend);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = extendSchema.safeParse({ reason: input.reason, ground: input.ground, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  const now = input.now ?? clockNow();
  const result = await db().$transaction(async (tx) => {
    const transition = await transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "extend", reason: parsed.data.reason },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: parsed.data.version,
      now,
    });
    await tx.case.update({ where: { id: found.id }, data: { extensionGround: parsed.data.ground } });
    const sent = await messageRequesterInTx(tx, actor, found, extensionMessage(found.locale, transition.dueDate, parsed.data.reason), now);
    return { version: transition.version, dueDate: transition.dueDate, mailed: sent.mailed };
  });
  if (result.mailed) kickOutbox();
  return { version: result.version, dueDate: result.dueDate };
}
