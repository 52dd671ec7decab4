// Use case: a unit lead assigns (or reassigns) cases to a colleague; `claimCase` (claim-case.ts) is
// the caseworker taking a case themselves. Both go through `assignInTx`: the case is read through the
// actor's scope (outside it: not_found), the policy decides, and the assignee change, a version bump
// (optimistic locking) and a "case.assigned" audit event are written in the caller's transaction.
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { isClosed } from "@/lib/domain/case-status";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { can, visibleUnitScope, type Actor, type CaseRef } from "@/lib/domain/policy";
import { caseScopeFilter } from "./case-scope";
import { now as clockNow } from "@/lib/clock";

export const MAX_BULK_ASSIGN = 100;

type StaffActor = Extract<Actor, { kind: "staff" }>;

export type AssignResult = { caseId: string; reference: string; assigneeId: string | null; version: number; changed: boolean };

const uuid = z.uuid();

/** The assignee must be an active staff member who could work the case on their own (policy "case.claim"). */
async function checkAssignee(tx: Tx, assigneeId: string, ref: CaseRef, reference: string) {
  if (!uuid.safeParse(assigneeId).success) throw new DomainError("validation_failed", { field: "assignee", reference });
  const user = await tx.user.findUnique({
    where: { id: assigneeId },
    select: { id: true, active: true, roles: true, units: { select: { unitId: true } } },
  });
  const assignee: StaffActor | null = user?.active
    ? { kind: "staff", userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.unitId) }
    : null;
  // As if they took it themselves: caseworkers of the case's unit, unit leads of it (or triage).
  if (!assignee || !can(assignee, "case.claim", { ...ref, assigneeId: null })) {
    throw new DomainError("validation_failed", { field: "assignee", reason: "no_access_to_unit", reference });
  }
}

export async function assignInTx(
  tx: Tx,
  actor: Actor,
  input: {
    caseId: string;
    assigneeId: string;
    action: "case.claim" | "case.assign";
    expectedVersion?: number;
    now: Date;
  },
): Promise<AssignResult> {
  if (actor.kind !== "staff" || !uuid.safeParse(input.caseId).success) throw new DomainError("not_found");
  const found = await tx.case.findFirst({
    where: { AND: [{ id: input.caseId }, caseScopeFilter(actor)] },
    select: { id: true, reference: true, status: true, version: true, unitId: true, requesterId: true, assigneeId: true },
  });
  const ref: CaseRef | null = found ? { unitId: found.unitId, requesterId: found.requesterId, assigneeId: found.assigneeId } : null;
  if (!found || !ref || !can(actor, "case.view", ref)) throw new DomainError("not_found");
  if (!can(actor, input.action, ref)) throw new DomainError("forbidden", { reference: found.reference });
  // The version first: a case closed since the form was shown was changed by someone else.
  if (input.expectedVersion !== undefined && input.expectedVersion !== found.version) {
    throw new DomainError("conflict_stale_version", { reference: found.reference });
  }
  if (isClosed(found.status)) throw new DomainError("case_closed", { reference: found.reference });
  if (input.action === "case.claim" && found.assigneeId !== null && found.assigneeId !== input.assigneeId) {
    // Someone else took it first: the queue the caseworker saw is out of date.
    throw new DomainError("conflict_stale_version", { reference: found.reference, reason: "already_assigned" });
  }
  if (found.assigneeId === input.assigneeId) {
    return { caseId: found.id, reference: found.reference, assigneeId: found.assigneeId, version: found.version, changed: false };
  }
  await checkAssignee(tx, input.assigneeId, ref, found.reference);

  const updated = await tx.case.updateMany({
    where: { id: found.id, version: found.version },
    data: { assigneeId: input.assigneeId, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new DomainError("conflict_stale_version", { reference: found.reference });
  await tx.caseEvent.create({
    data: {
      caseId: found.id,
      at: input.now,
      actorType: "staff",
      actorId: actor.userId,
      type: "case.assigned",
      before: { assigneeId: found.assigneeId },
      after: { assigneeId: input.assigneeId, ...(input.action === "case.claim" ? { claimed: true } : {}) },
    },
  });
  return { caseId: found.id, reference: found.reference, assigneeId: input.assigneeId, version: found.version + 1, changed: true };
}

/** A unit lead assigns or reassigns one case. */
export async function assignCase(
  actor: Actor,
  input: { caseId: string; assigneeId: string; expectedVersion?: number; now?: Date },
): Promise<AssignResult> {
  const now = input.now ?? clockNow();
  return db().$transaction((tx) => assignInTx(tx, actor, { ...input, action: "case.assign", now }));
}

export type BulkAssignItem = { caseId: string; expectedVersion: number };

/**
 * Bulk assign: every case is checked again (scope, policy, assignee's access to its unit) and all
 * are assigned in one transaction: a case the actor may not see or assign, a closed case or an
 * assignee without access to one of them and none is assigned. Each row carries the version the
 * queue showed: a case changed since (e.g. claimed by a colleague a moment ago) is left alone and
 * reported in `stale` (its reference); the other rows are still assigned.
 */
export async function assignCases(
  actor: Actor,
  input: { cases: BulkAssignItem[]; assigneeId: string; now?: Date },
): Promise<{ assigned: number; unchanged: number; stale: string[] }> {
  const byId = new Map<string, number>();
  for (const item of input.cases) if (!byId.has(item.caseId)) byId.set(item.caseId, item.expectedVersion);
  if (byId.size === 0) throw new DomainError("validation_failed", { field: "caseIds", reason: "none_selected" });
  if (byId.size > MAX_BULK_ASSIGN) throw new DomainError("validation_failed", { field: "caseIds", reason: "too_many" });
  for (const version of byId.values()) {
    if (!Number.isInteger(version) || version < 1) throw new DomainError("validation_failed", { field: "caseIds", reason: "version" });
  }
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    let assigned = 0;
    let unchanged = 0;
    const stale: string[] = [];
    for (const [caseId, expectedVersion] of byId) {
      try {
        const result = await assignInTx(tx, actor, { caseId, assigneeId: input.assigneeId, action: "case.assign", expectedVersion, now });
        if (result.changed) assigned++;
        else unchanged++;
      } catch (error) {
        // Thrown before any write of this row (a version check or a guarded update of zero rows),
        // so the transaction is still usable for the other rows.
        if (!isDomainError(error, "conflict_stale_version")) throw error;
        stale.push(String(error.details?.reference ?? caseId));
      }
    }
    return { assigned, unchanged, stale };
  });
}

/**
 * Colleagues who can work cases the actor sees (for the assign and filter menus): active caseworkers
 * and unit leads of the actor's units, or of every unit for someone who sees all cases. The service
 * checks each case again when assigning.
 */
export async function listAssignees(actor: Actor): Promise<{ id: string; name: string; unitIds: string[] }[]> {
  if (actor.kind !== "staff") return [];
  const scope = visibleUnitScope(actor);
  const all = "all" in scope;
  if (!all && actor.unitIds.length === 0) return [];
  const users = await db().user.findMany({
    where: {
      active: true,
      roles: { hasSome: ["caseworker", "unit_lead"] },
      ...(all ? {} : { units: { some: { unitId: { in: actor.unitIds } } } }),
    },
    select: { id: true, name: true, email: true, units: { select: { unitId: true } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email, unitIds: u.units.map((m) => m.unitId) }));
}

/**
 * Colleagues a unit lead may give this one case (the case page's assign form): active staff who
 * could take it themselves (policy "case.claim" without the assignment), as `checkAssignee` demands.
 */
export async function assigneeChoicesFor(ref: CaseRef): Promise<{ id: string; name: string }[]> {
  const users = await db().user.findMany({
    where: { active: true, roles: { hasSome: ["caseworker", "unit_lead"] } },
    select: { id: true, name: true, email: true, roles: true, units: { select: { unitId: true } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users
    .filter((u) => can({ kind: "staff", userId: u.id, roles: u.roles, unitIds: u.units.map((m) => m.unitId) }, "case.claim", { ...ref, assigneeId: null }))
    .map((u) => ({ id: u.id, name: u.name ?? u.email }));
}
