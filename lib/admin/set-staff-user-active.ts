// Use case: an admin deactivates or reactivates a staff user. Deactivating also deletes every
// session of the user (database sessions: they are signed out at once) and stops new sign-ins.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { requireAdmin } from "./require-admin";

export async function setStaffUserActive(actor: Actor, userId: string, active: boolean): Promise<{ sessionsEnded: number }> {
  requireAdmin(actor, "admin.manage_users");
  if (!active && userId === actor.userId) throw new DomainError("validation_failed", { fields: { active: "deactivateSelf" } });
  const sessionsEnded = await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { active } });
    if (updated.count !== 1) throw new DomainError("not_found");
    if (active) return 0;
    const deleted = await tx.session.deleteMany({ where: { userId } });
    return deleted.count;
  });
  logger.info(active ? "admin.staff_user_reactivated" : "admin.staff_user_deactivated", { actorId: actor.userId, userId, sessionsEnded });
  return { sessionsEnded };
}
