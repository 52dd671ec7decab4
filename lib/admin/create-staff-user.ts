// Use case: an admin creates a staff user (no self-registration exists: this is the only way in).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { fieldErrors, staffUserInputSchema, type StaffUserInput } from "./schemas";
import { requireAdmin } from "./require-admin";
import { checkUnitIds, unitNamesInTx } from "./units-of-municipality";
import { recordAdminEventInTx } from "./admin-audit";

export async function createStaffUser(actor: Actor, input: StaffUserInput): Promise<{ id: string }> {
  requireAdmin(actor, "admin.manage_users");
  const parsed = staffUserInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation_failed", { fields: fieldErrors(parsed.error) });
  const data = parsed.data;
  const municipalityId = currentMunicipality().id;
  try {
    const user = await db().$transaction(async (tx) => {
      await checkUnitIds(tx, municipalityId, data.unitIds);
      const created = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          roles: data.roles,
          municipalityId,
          units: { create: data.unitIds.map((unitId) => ({ unitId })) },
        },
        select: { id: true },
      });
      await recordAdminEventInTx(tx, actor, {
        action: "staff_user.created",
        targetId: created.id,
        targetLabel: data.name,
        after: { name: data.name, email: data.email, roles: data.roles, units: await unitNamesInTx(tx, data.unitIds) },
      });
      return created;
    });
    logger.info("admin.staff_user_created", { actorId: actor.userId, userId: user.id, roles: data.roles, unitIds: data.unitIds });
    return user;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("validation_failed", { fields: { email: "emailTaken" } });
    }
    throw error;
  }
}
