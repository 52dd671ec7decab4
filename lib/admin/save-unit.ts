// Use cases: an admin creates a unit, or edits one (name, slug, e-mail, systems, active). An
// inactive unit can no longer be chosen on the request form; its cases stay where they are.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { fieldErrors, unitInputSchema, type UnitInput } from "./schemas";
import { requireAdmin } from "./require-admin";

function parse(input: UnitInput) {
  const parsed = unitInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation_failed", { fields: fieldErrors(parsed.error) });
  return parsed.data;
}

function slugTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new DomainError("validation_failed", { fields: { slug: "slugTaken" } });
  }
  throw error;
}

export async function createUnit(actor: Actor, input: UnitInput): Promise<{ id: string }> {
  requireAdmin(actor, "admin.manage_units");
  const data = parse(input);
  const unit = await db()
    .$transaction((tx) => tx.unit.create({ data: { ...data, municipalityId: currentMunicipality().id }, select: { id: true } }))
    .catch(slugTaken);
  logger.info("admin.unit_created", { actorId: actor.userId, unitId: unit.id });
  return unit;
}

export async function updateUnit(actor: Actor, unitId: string, input: UnitInput): Promise<void> {
  requireAdmin(actor, "admin.manage_units");
  const data = parse(input);
  await db()
    .$transaction(async (tx) => {
      const updated = await tx.unit.updateMany({ where: { id: unitId, municipalityId: currentMunicipality().id }, data });
      if (updated.count !== 1) throw new DomainError("not_found");
    })
    .catch(slugTaken);
  logger.info("admin.unit_updated", { actorId: actor.userId, unitId, active: data.active });
}
