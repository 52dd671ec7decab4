// Use case: an internal note on the case (caseworkers, unit leads and the DPO). Stored as a Message
// of kind internal_note, which the citizen's view never selects (citizen-get-case.ts). One
// transaction: version bump (optimistic locking), the note and its "note.added" audit event.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isClosed } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { MESSAGE_MAX_LENGTH } from "./message-schema";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const noteSchema = z.object({
  body: z
    .string({ error: "caseWork.validation.noteRequired" })
    .trim()
    .min(1, "caseWork.validation.noteRequired")
    .max(MESSAGE_MAX_LENGTH, "caseWork.validation.textTooLong")
    .regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid"),
  version: versionField,
});

export async function addInternalNote(
  actor: Actor,
  input: { reference: string; body: string; expectedVersion: number; now?: Date },
): Promise<{ version: number; messageId: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.note);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = noteSchema.safeParse({ body: input.body, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  if (isClosed(found.status)) throw new DomainError("case_closed");
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version);
    const message = await tx.message.create({
      data: { caseId: found.id, kind: "internal_note", authorId: actor.userId, body: parsed.data.body, createdAt: now },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: { caseId: found.id, at: now, actorType: "staff", actorId: actor.userId, type: "note.added", after: { messageId: message.id } },
    });
    return { version, messageId: message.id };
  });
}
