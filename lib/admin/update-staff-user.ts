// Use case: an admin changes a staff user's name, roles and units. Takes effect on the user's next
// request (lib/auth/staff-actor.ts reads roles and units fresh every time). In the same transaction
// the user is unassigned from the open cases the change takes away from them (need-to-know:
// lib/admin/unassign-staff-user.ts), one "case.unassigned" audit event per case.
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { fieldErrors, staffUserUpdateSchema, type StaffUserUpdate } from "./schemas";
import { requireAdmin } from "./require-admin";
import { checkUnitIds, unitNamesInTx } from "./units-of-municipality";
import { recordAdminEventInTx } from "./admin-audit";
import { unassignAfterAccessChangeInTx } from "./unassign-staff-user";
import { now as clockNow } from "@/lib/clock";

export async function updateStaffUser(
  actor: Actor,
  userId: string,
  input: StaffUserUpdate,
  options: { now?: Date } = {},
): Promise<{ unassignedCases: number }> {
  requireAdmin(actor, "admin.manage_users");
  const parsed = staffUserUpdateSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation_failed", { fields: fieldErrors(parsed.error) });
  const data = parsed.data;
  // An admin cannot take the admin role from themselves: the portal must never be left without one.
  if (userId === actor.userId && !data.roles.includes("admin")) {
    throw new DomainError("validation_failed", { fields: { roles: "ownAdminRole" } });
  }
  const now = options.now ?? clockNow();
  const unassigned = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, active: true, roles: true, units: { select: { unitId: true } } },
    });
    if (!user) throw new DomainError("not_found");
    await checkUnitIds(tx, currentMunicipality().id, data.unitIds);
    await recordAdminEventInTx(tx, actor, {
      action: "staff_user.updated",
      targetId: userId,
      targetLabel: data.name,
      before: { name: user.name, roles: user.roles, units: await unitNamesInTx(tx, user.units.map((u) => u.unitId)) },
      after: { name: data.name, roles: data.roles, units: await unitNamesInTx(tx, data.unitIds) },
      now,
    });
    await tx.user.update({ where: { id: userId }, data: { name: data.name, roles: data.roles } });
    await tx.unitMember.deleteMany({ where: { userId, unitId: { notIn: data.unitIds } } });
    await tx.unitMember.createMany({ data: data.unitIds.map((unitId) => ({ userId, unitId })), skipDuplicates: true });
    return unassignAfterAccessChangeInTx(
      tx,
      actor,
      userId,
      { roles: user.roles, unitIds: user.units.map((u) => u.unitId), active: user.active },
      { roles: data.roles, unitIds: [...new Set(data.unitIds)], active: user.active },
      now,
    );
  });
  logger.info("admin.staff_user_updated", { actorId: actor.userId, userId, roles: data.roles, unitIds: data.unitIds, unassignedCases: unassigned.length });
  return { unassignedCases: unassigned.length };
}
