// Need-to-know after an admin change: being a case's assignee gives access to it on its own
// (lib/domain/policy.ts: "unit" scope = the actor's units OR assigned to them). So when an admin
// takes a unit, a role or the whole account away from a staff member, they are unassigned, in the
// admin's transaction, from every open case they could no longer take on their own (policy
// "case.claim" without the assignment), each with its own "case.unassigned" audit event (actor:
// the admin) and a version bump (an open form on that case is then out of date). Closed cases
// keep their assignee as a record of who worked them.
import type { Tx } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/domain/case-status";
import { can, type Actor, type Role } from "@/lib/domain/policy";

export const UNASSIGN_REASONS = ["unit_membership_removed", "role_removed", "user_deactivated"] as const;
export type UnassignReason = (typeof UNASSIGN_REASONS)[number];

type StaffActor = Extract<Actor, { kind: "staff" }>;
export type StaffAccess = { roles: Role[]; unitIds: string[]; active: boolean };

function asActor(userId: string, access: StaffAccess): StaffActor | null {
  return access.active ? { kind: "staff", userId, roles: access.roles, unitIds: access.unitIds } : null;
}

/**
 * Unassigns `userId` from the open cases the change `before` -> `after` takes away from them.
 * Returns the ids of the cases unassigned.
 */
export async function unassignAfterAccessChangeInTx(
  tx: Tx,
  admin: StaffActor,
  userId: string,
  before: StaffAccess,
  after: StaffAccess,
  now: Date,
): Promise<string[]> {
  const cases = await tx.case.findMany({
    where: { assigneeId: userId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, unitId: true, requesterId: true },
    orderBy: { id: "asc" },
  });
  const was = asActor(userId, before);
  const isNow = asActor(userId, after);
  const unassigned: string[] = [];
  for (const c of cases) {
    const ref = { unitId: c.unitId, requesterId: c.requesterId, assigneeId: null };
    const couldBefore = can(was, "case.claim", ref);
    const canAfter = can(isNow, "case.claim", ref);
    // Only what this change takes away (an older, odd assignment is not this admin's doing).
    if (canAfter || (!couldBefore && after.active)) continue;
    const reason: UnassignReason = !after.active
      ? "user_deactivated"
      : c.unitId !== null && before.unitIds.includes(c.unitId) && !after.unitIds.includes(c.unitId)
        ? "unit_membership_removed"
        : "role_removed";
    // Still theirs? (Guarded: a colleague may have reassigned it a moment ago.)
    const updated = await tx.case.updateMany({
      where: { id: c.id, assigneeId: userId },
      data: { assigneeId: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) continue;
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        at: now,
        actorType: "staff",
        actorId: admin.userId,
        type: "case.unassigned",
        before: { assigneeId: userId },
        after: { assigneeId: null, reason },
      },
    });
    unassigned.push(c.id);
  }
  return unassigned;
}
