// Use cases: put a case on legal hold (with a reason) and lift the hold. A case on hold is never
// anonymised and its files are never deleted by retention (lib/jobs/retention.ts), e.g. while a
// complaint or a lawsuit is pending. Unit leads (their units and unit-less cases) and the DPO.
// Anyone else, including a caseworker who can see the case, gets not_found.
// One transaction: version bump (optimistic locking) + the hold + audit event
// "case.legal_hold_set" / "case.legal_hold_lifted" with ids only: the reason stays on the case row.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { staffCaseRef } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const LEGAL_HOLD_REASON_MIN = 10;
export const LEGAL_HOLD_REASON_MAX = 1000;

export const setLegalHoldSchema = z.object({
  reason: z
    .string({ error: "retention.validation.reasonTooShort" })
    .trim()
    .min(LEGAL_HOLD_REASON_MIN, "retention.validation.reasonTooShort")
    .max(LEGAL_HOLD_REASON_MAX, "retention.validation.reasonTooLong")
    .regex(NO_CONTROL_CHARS, "retention.validation.reasonInvalid"),
  version: versionField,
});

export const liftLegalHoldSchema = z.object({ version: versionField });

/** The case if the actor may put it on hold; anything else is not_found (never "forbidden"). */
async function requireLegalHold(actor: Actor, reference: string) {
  const found = await staffCaseRef(actor, reference);
  if (!found || actor.kind !== "staff" || !can(actor, "case.legal_hold", found.ref)) throw new DomainError("not_found");
  return found;
}

export async function setLegalHold(
  actor: Actor,
  input: { reference: string; reason: string; expectedVersion: number; now?: Date },
): Promise<{ version: number }> {
  const found = await requireLegalHold(actor, input.reference);
  const parsed = setLegalHoldSchema.safeParse({ reason: input.reason, version: input.expectedVersion });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("validation_failed", { field: String(issue?.path[0] ?? "reason"), reason: issue?.message });
  }
  const now = input.now ?? clockNow();
  const userId = actor.kind === "staff" ? actor.userId : null;
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { legalHold: true, anonymisedAt: true } });
    // Nothing left to hold once anonymised; already on hold: change the reason by lifting first.
    if (current.anonymisedAt || current.legalHold) throw new DomainError("invalid_transition", { command: "legal_hold_set" });
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version, { legalHold: true, legalHoldReason: parsed.data.reason });
    await tx.caseEvent.create({
      data: { caseId: found.id, at: now, actorType: "staff", actorId: userId, type: "case.legal_hold_set", after: { legalHold: true } },
    });
    return { version };
  });
}

export async function liftLegalHold(
  actor: Actor,
  input: { reference: string; expectedVersion: number; now?: Date },
): Promise<{ version: number }> {
  const found = await requireLegalHold(actor, input.reference);
  const parsed = liftLegalHoldSchema.safeParse({ version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: "version" });
  const now = input.now ?? clockNow();
  const userId = actor.kind === "staff" ? actor.userId : null;
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { legalHold: true } });
    if (!current.legalHold) throw new DomainError("invalid_transition", { command: "legal_hold_lifted" });
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version, { legalHold: false, legalHoldReason: null });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: userId,
        type: "case.legal_hold_lifted",
        before: { legalHold: true },
        after: { legalHold: false },
      },
    });
    return { version };
  });
}

/** What the case page's retention section needs (read through the same policy scope). */
export async function getRetentionInfo(actor: Actor, reference: string) {
  const found = await staffCaseRef(actor, reference);
  if (!found) return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      version: true,
      closedAt: true,
      legalHold: true,
      legalHoldReason: true,
      anonymisedAt: true,
      archiveCaseNumber: true,
      archiveReferenceManual: true,
      municipality: { select: { retentionYears: true } },
    },
  });
  // Retention waits for the archive (lib/jobs/retention.ts, ARCHIVED): the same rule, for the panel.
  const undelivered = await db().integrationMessage.count({ where: { caseId: found.id, kind: { startsWith: "archive" }, status: { not: "delivered" } } });
  const archived = c.archiveReferenceManual !== null || (c.archiveCaseNumber !== null && undelivered === 0);
  // One count: all files, and (non-null deletedAt) the ones retention has deleted.
  const files = await db().attachment.count({ where: { caseId: found.id }, select: { _all: true, deletedAt: true } });
  return {
    files: { left: files._all - files.deletedAt, deleted: files.deletedAt },
    version: c.version,
    closedAt: c.closedAt,
    legalHold: c.legalHold,
    legalHoldReason: c.legalHoldReason,
    anonymisedAt: c.anonymisedAt,
    retentionYears: c.municipality.retentionYears,
    archived,
    canHold: can(actor, "case.legal_hold", found.ref),
  };
}
