// Use cases: mark the requester's data as restricted (Art. 18) with a note, and lift the restriction.
// Art. 18(3): the requester must be told before a restriction is lifted, so lifting requires the
// caseworker to confirm that they have been told. Each: version bump + the change + audit event
// ("case.restricted" / "case.restriction_lifted"), in one transaction.
// A restriction is applied while the case is open (e.g. while accuracy is disputed, 18(1)(a)), but it
// often outlives the decision, so lifting it is possible on a closed case too.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isClosed } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const RESTRICTION_NOTE_MAX = 2000;

export const restrictSchema = z.object({
  note: z
    .string({ error: "caseWork.validation.restrictNote" })
    .trim()
    .min(1, "caseWork.validation.restrictNote")
    .max(RESTRICTION_NOTE_MAX, "caseWork.validation.textTooLong")
    .regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid"),
  version: versionField,
});

export const liftSchema = z.object({
  requesterTold: z.literal(true, { error: "caseWork.validation.requesterTold" }),
  version: versionField,
});

export async function restrictProcessing(
  actor: Actor,
  input: { reference: string; note: string; expectedVersion: number; now?: Date },
): Promise<{ version: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.restrict);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = restrictSchema.safeParse({ note: input.note, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: "note" });
  if (isClosed(found.status)) throw new DomainError("case_closed");
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { restrictedAt: true } });
    if (current.restrictedAt) throw new DomainError("invalid_transition", { command: "restrict" });
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version, { restrictedAt: now, restrictionNote: parsed.data.note });
    await tx.caseEvent.create({
      data: { caseId: found.id, at: now, actorType: "staff", actorId: actor.userId, type: "case.restricted", after: { restricted: true } },
    });
    return { version };
  });
}

export async function liftRestriction(
  actor: Actor,
  input: { reference: string; requesterTold: boolean; expectedVersion: number; now?: Date },
): Promise<{ version: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.restrict);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = liftSchema.safeParse({ requesterTold: input.requesterTold, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { restrictedAt: true } });
    if (!current.restrictedAt) throw new DomainError("invalid_transition", { command: "lift_restriction" });
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version, { restrictedAt: null, restrictionNote: null });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "case.restriction_lifted",
        before: { restrictedAt: current.restrictedAt.toISOString() },
        after: { restricted: false, requesterTold: true },
      },
    });
    return { version };
  });
}
