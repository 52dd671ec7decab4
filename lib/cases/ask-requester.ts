// Use case: the caseworker asks the requester for identity information or a clarification (recital
// 63, Art. 12(6)). One transaction: the state-machine command "ask_requester" (status
// awaiting_requester, a pause opens, audit event), the secure message to the requester with its own
// audit event, and a "new_message" e-mail (reference + link only). The clock restarts when the
// requester answers in the portal (citizen-send-message.ts) or when the caseworker records an answer
// received some other way (`resumeWithoutAnswer`: command requester_answered, actor staff).
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { ASK_REQUESTER_KINDS, type AskRequesterKind } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { queuePaperCopyInTx } from "@/lib/letters/message-letter";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { transitionCaseInTx } from "./case-transition";
import { MESSAGE_MAX_LENGTH } from "./message-schema";
import { myCaseLink } from "./staff-send-message";
import { CASE_WORK_ACTIONS, requireCaseAction, type CaseForAction } from "./staff-get-case";

export const versionField = z.coerce.number({ error: "caseWork.validation.version" }).int().min(1, "caseWork.validation.version");

export const askRequesterSchema = z.object({
  kind: z.enum(ASK_REQUESTER_KINDS, { error: "caseWork.validation.askKind" }),
  body: z
    .string({ error: "caseWork.validation.askBodyRequired" })
    .trim()
    .min(1, "caseWork.validation.askBodyRequired")
    .max(MESSAGE_MAX_LENGTH, "caseWork.validation.textTooLong"),
  version: versionField,
});

export type AskRequesterInput = {
  reference: string;
  kind: AskRequesterKind;
  body: string;
  expectedVersion: number;
  now?: Date;
};

/** A to_requester message + its audit event + the "new_message" e-mail, in `tx`. Returns whether a mail was queued. */
export async function messageRequesterInTx(
  tx: Tx,
  actor: Extract<Actor, { kind: "staff" }>,
  found: CaseForAction,
  body: string,
  now: Date,
): Promise<{ messageId: string; mailed: boolean }> {
  const message = await tx.message.create({
    data: { caseId: found.id, kind: "to_requester", authorId: actor.userId, body, createdAt: now },
    select: { id: true },
  });
  await tx.caseEvent.create({
    data: { caseId: found.id, at: now, actorType: "staff", actorId: actor.userId, type: "message.to_requester", after: { messageId: message.id } },
  });
  // Answers by post: the same text also goes to the print queue as a letter, or the requester would
  // never hear of a question or an extension.
  await queuePaperCopyInTx(tx, found, { body, staffUserId: actor.userId, now });
  const to = found.requester.email ?? found.requester.identity?.email ?? null;
  if (to) {
    await enqueueMail(tx, {
      to,
      template: "new_message",
      locale: found.locale,
      params: { reference: found.reference, link: myCaseLink(found.reference) },
      caseId: found.id,
    });
  }
  return { messageId: message.id, mailed: to !== null };
}

export async function askRequester(actor: Actor, input: AskRequesterInput): Promise<{ version: number; messageId: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.ask);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = askRequesterSchema.safeParse({ kind: input.kind, body: input.body, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  const now = input.now ?? new Date();
  const result = await db().$transaction(async (tx) => {
    const transition = await transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "ask_requester", kind: parsed.data.kind },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: parsed.data.version,
      now,
    });
    const sent = await messageRequesterInTx(tx, actor, found, parsed.data.body, now);
    return { version: transition.version, ...sent };
  });
  if (result.mailed) kickOutbox();
  return { version: result.version, messageId: result.messageId };
}

/** The answer came some other way (phone, counter): the caseworker restarts the clock. */
export async function resumeWithoutAnswer(
  actor: Actor,
  input: { reference: string; expectedVersion: number; now?: Date },
): Promise<{ version: number; dueDate: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.ask);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const result = await db().$transaction((tx) =>
    transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "requester_answered" },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: input.expectedVersion,
      now: input.now,
    }),
  );
  return { version: result.version, dueDate: result.dueDate };
}
