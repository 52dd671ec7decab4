// Use case: an admin deactivates or reactivates a staff user. Deactivating also deletes every
// session of the user (database sessions: they are signed out at once) and stops new sign-ins, and
// unassigns them from their open cases (need-to-know, lib/admin/unassign-staff-user.ts), one
// "case.unassigned" audit event per case, in the same transaction. Reactivating gives no case back.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { requireAdmin } from "./require-admin";
import { unassignAfterAccessChangeInTx } from "./unassign-staff-user";
import { recordAdminEventInTx } from "./admin-audit";
import { now as clockNow } from "@/lib/clock";

export async function setStaffUserActive(
  actor: Actor,
  userId: string,
  active: boolean,
  options: { now?: Date } = {},
): Promise<{ sessionsEnded: number; unassignedCases: number }> {
  requireAdmin(actor, "admin.manage_users");
  if (!active && userId === actor.userId) throw new DomainError("validation_failed", { fields: { active: "deactivateSelf" } });
  const now = options.now ?? clockNow();
  const { sessionsEnded, unassignedCases } = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, active: true, roles: true, units: { select: { unitId: true } } },
    });
    if (!user) throw new DomainError("not_found");
    await tx.user.update({ where: { id: userId }, data: { active } });
    const record = (extra: { unassignedCases: number }) =>
      recordAdminEventInTx(tx, actor, {
        action: active ? "staff_user.reactivated" : "staff_user.deactivated",
        targetId: userId,
        targetLabel: user.name ?? user.email,
        before: { active: user.active },
        after: { active, ...(active ? {} : extra) },
        now,
      });
    if (active) {
      await record({ unassignedCases: 0 });
      return { sessionsEnded: 0, unassignedCases: 0 };
    }
    const deleted = await tx.session.deleteMany({ where: { userId } });
    const access = { roles: user.roles, unitIds: user.units.map((u) => u.unitId) };
    const unassigned = await unassignAfterAccessChangeInTx(tx, actor, userId, { ...access, active: user.active }, { ...access, active: false }, now);
    await record({ unassignedCases: unassigned.length });
    return { sessionsEnded: deleted.count, unassignedCases: unassigned.length };
  });
  logger.info(active ? "admin.staff_user_reactivated" : "admin.staff_user_deactivated", { actorId: actor.userId, userId, sessionsEnded, unassignedCases });
  return { sessionsEnded, unassignedCases };
}
