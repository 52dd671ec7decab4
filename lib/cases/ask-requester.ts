// Use case: the caseworker asks the requester for identity information or a clarification (recital
// 63, Art. 12(6)). One transaction: the state-machine command "ask_requester" (status
// awaiting_requester, a pause opens, audit event), the secure message to the requester with its own
// audit event, and a "new_message" e-mail (reference + link only). The clock restarts when the
// requester answers in the portal (a message or an upload: requester-answered.ts) or when the
// caseworker records an answer received some other way (`resumeWithoutAnswer`: command
// requester_answered with the Oslo date the answer arrived, actor staff). The pause ends on that
// date, not on the day the caseworker records it (legal-rules.md §1 rule 6).
// A request made after an ID-porten login needs no identity pause: the state machine refuses it
// (identity_pause_not_needed).
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { daysBetween, isValidIsoDate, osloDateOf } from "@/lib/domain/calendar";
import { answerInstant, applyCommand, ASK_REQUESTER_KINDS, type AskRequesterKind } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { queuePaperCopyInTx } from "@/lib/letters/message-letter";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { loadSnapshot, transitionCaseInTx } from "./case-transition";
import { MESSAGE_MAX_LENGTH } from "./message-schema";
import { myCaseLink } from "./staff-send-message";
import { CASE_WORK_ACTIONS, requireCaseAction, type CaseForAction } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const versionField = z.coerce.number({ error: "caseWork.validation.version" }).int().min(1, "caseWork.validation.version");

export const askRequesterSchema = z.object({
  kind: z.enum(ASK_REQUESTER_KINDS, { error: "caseWork.validation.askKind" }),
  body: z
    .string({ error: "caseWork.validation.askBodyRequired" })
    .trim()
    .min(1, "caseWork.validation.askBodyRequired")
    .max(MESSAGE_MAX_LENGTH, "caseWork.validation.textTooLong")
    .regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid"),
  version: versionField,
});

export type AskRequesterInput = {
  reference: string;
  kind: AskRequesterKind;
  body: string;
  expectedVersion: number;
  now?: Date;
};

/** The case fields a message to the requester needs (a staff service's CaseForAction has them too). */
export const MESSAGE_TARGET_SELECT = {
  id: true,
  reference: true,
  locale: true,
  municipalityId: true,
  answerChannel: true,
  onBehalfOf: true,
  subjectName: true,
  requester: { select: { name: true, email: true, postalAddress: true, identity: { select: { email: true } } } },
} as const;

export type MessageTarget = Pick<CaseForAction, "id" | "reference" | "locale" | "municipalityId" | "answerChannel" | "onBehalfOf" | "subjectName" | "requester">;

/**
 * A to_requester message + its audit event + the "new_message" e-mail, in `tx`. Returns whether a
 * mail was queued. `actor` is the staff member, or the system (the worker's warnings).
 */
export async function messageRequesterInTx(
  tx: Tx,
  actor: Extract<Actor, { kind: "staff" }> | { kind: "system" },
  found: MessageTarget,
  body: string,
  now: Date,
): Promise<{ messageId: string; mailed: boolean }> {
  const staffId = actor.kind === "staff" ? actor.userId : null;
  const message = await tx.message.create({
    data: { caseId: found.id, kind: "to_requester", authorId: staffId, body, createdAt: now },
    select: { id: true },
  });
  await tx.caseEvent.create({
    data: { caseId: found.id, at: now, actorType: staffId ? "staff" : "system", actorId: staffId, type: "message.to_requester", after: { messageId: message.id } },
  });
  // Answers by post: the same text also goes to the print queue as a letter, or the requester would
  // never hear of a question or an extension.
  await queuePaperCopyInTx(tx, found, { body, staffUserId: staffId, now });
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
  const now = input.now ?? clockNow();
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

export const resumeSchema = z.object({
  answeredOn: z
    .string({ error: "caseRules.resume.errors.answeredOnInvalid" })
    .trim()
    .refine((v) => isValidIsoDate(v), "caseRules.resume.errors.answeredOnInvalid"),
  version: versionField,
});

/**
 * What resuming with `answeredOn` would give, without changing anything (for the confirmation step):
 * the new due date (computed by the state machine exactly as on resume) and the paused days.
 * Throws what `resumeWithoutAnswer` would throw for that date.
 */
export async function previewResume(
  actor: Actor,
  input: { reference: string; answeredOn: string; now?: Date },
): Promise<{ dueDate: string; pauseStart: string; pauseDays: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.ask);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  if (!isValidIsoDate(input.answeredOn)) throw new DomainError("validation_failed", { field: "answeredOn", reason: "invalid" });
  const now = input.now ?? clockNow();
  const { snapshot } = await loadSnapshot(db(), found.id);
  const result = applyCommand(snapshot, { type: "requester_answered", answeredOn: input.answeredOn }, now);
  const open = snapshot.pauses.find((p) => p.to === null)!;
  const pauseStart = osloDateOf(open.from);
  return { dueDate: result.dueDate, pauseStart, pauseDays: daysBetween(pauseStart, osloDateOf(answerInstant(open, input.answeredOn, now))) };
}

/**
 * The answer came some other way (phone, letter, counter): the caseworker restarts the clock from
 * the Oslo date the answer arrived (`answeredOn`, 'YYYY-MM-DD'; left out = today). The state machine
 * refuses a date before the pause started or after today (validation_failed, field answeredOn).
 */
export async function resumeWithoutAnswer(
  actor: Actor,
  input: { reference: string; expectedVersion: number; answeredOn?: string; now?: Date },
): Promise<{ version: number; dueDate: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.ask);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  if (input.answeredOn !== undefined && !isValidIsoDate(input.answeredOn)) {
    throw new DomainError("validation_failed", { field: "answeredOn", reason: "invalid" });
  }
  const result = await db().$transaction((tx) =>
    transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "requester_answered", ...(input.answeredOn !== undefined ? { answeredOn: input.answeredOn } : {}) },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: input.expectedVersion,
      now: input.now,
    }),
  );
  return { version: result.version, dueDate: result.dueDate };
}
