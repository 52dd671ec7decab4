// Use cases: an admin creates a unit, or edits one (name, slug, e-mail, systems, active, whether it
// processes special categories). An inactive unit can no longer be chosen on the request form; its
// cases stay where they are. A unit that processes special categories (Art. 9, e.g. health) has its
// new cases marked when they are filed; turning the flag on also marks the unit's existing cases, in
// the same transaction, each with its own audit event (the mark protects the citizen: they then need
// ID-porten level high to read the case). Turning it off changes no case: a caseworker clears the
// mark case by case (set-special-category.ts).
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { fieldErrors, unitInputSchema, type UnitInput } from "./schemas";
import { requireAdmin } from "./require-admin";
import { recordAdminEventInTx } from "./admin-audit";
import type { AuditFields } from "@/lib/domain/admin-audit";
import { now as clockNow } from "@/lib/clock";

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
    .$transaction(async (tx) => {
      const created = await tx.unit.create({
        data: { ...data, specialCategory: data.specialCategory ?? false, municipalityId: currentMunicipality().id },
        select: { id: true, name: true, nameNn: true, nameEn: true, slug: true, email: true, systems: true, active: true, specialCategory: true },
      });
      await recordAdminEventInTx(tx, actor, { action: "unit.created", targetId: created.id, targetLabel: created.name, after: unitFields(created) });
      return { id: created.id };
    })
    .catch(slugTaken);
  logger.info("admin.unit_created", { actorId: actor.userId, unitId: unit.id });
  return unit;
}

const UNIT_FIELDS = { name: true, nameNn: true, nameEn: true, slug: true, email: true, systems: true, active: true, specialCategory: true } as const;

/** What the audit trail records of a unit. */
function unitFields(u: { name: string; nameNn: string | null; nameEn: string | null; slug: string; email: string | null; systems: string[]; active: boolean; specialCategory: boolean }): AuditFields {
  return { name: u.name, nameNn: u.nameNn, nameEn: u.nameEn, slug: u.slug, email: u.email, systems: u.systems, active: u.active, specialCategory: u.specialCategory };
}

/** Marks every case of the unit that is not marked yet; one audit event per case. Returns how many. */
async function markCasesOfUnitInTx(tx: Tx, unitId: string, actorId: string, now: Date): Promise<number> {
  const cases = await tx.case.findMany({ where: { unitId, specialCategory: false }, select: { id: true } });
  if (cases.length === 0) return 0;
  const ids = cases.map((c) => c.id);
  await tx.case.updateMany({ where: { id: { in: ids } }, data: { specialCategory: true, version: { increment: 1 } } });
  await tx.caseEvent.createMany({
    data: ids.map((caseId) => ({
      caseId,
      at: now,
      actorType: "staff" as const,
      actorId,
      type: "case.special_category_set",
      before: { specialCategory: false },
      after: { specialCategory: true, byUnit: true },
    })),
  });
  return ids.length;
}

export async function updateUnit(actor: Actor, unitId: string, input: UnitInput, options: { now?: Date } = {}): Promise<{ markedCases: number }> {
  requireAdmin(actor, "admin.manage_units");
  const data = parse(input);
  const now = options.now ?? clockNow();
  const { specialCategory, ...rest } = data;
  const markedCases = await db()
    .$transaction(async (tx) => {
      const before = await tx.unit.findFirst({ where: { id: unitId, municipalityId: currentMunicipality().id }, select: UNIT_FIELDS });
      if (!before) throw new DomainError("not_found");
      const after = await tx.unit.update({ where: { id: unitId }, data: specialCategory === undefined ? rest : { ...rest, specialCategory }, select: UNIT_FIELDS });
      const marked = specialCategory === true && !before.specialCategory ? await markCasesOfUnitInTx(tx, unitId, actor.userId, now) : 0;
      await recordAdminEventInTx(tx, actor, {
        action: "unit.updated",
        targetId: unitId,
        targetLabel: after.name,
        before: unitFields(before),
        after: { ...unitFields(after), ...(marked > 0 ? { markedCases: marked } : {}) },
        now,
      });
      return marked;
    })
    .catch(slugTaken);
  logger.info("admin.unit_updated", { actorId: actor.userId, unitId, active: data.active, specialCategory: specialCategory ?? null, markedCases });
  return { markedCases };
}
