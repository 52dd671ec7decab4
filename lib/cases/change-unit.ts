// Use case: a unit lead moves a case to another unit, or gives a "vet ikke" case (no unit yet) its
// unit: triage (policy "case.change_unit"; a case the actor may not see is not_found, one they see
// but may not move is forbidden). The new unit must be an active unit of the case's municipality.
//
// One transaction, guarded by the case version the page showed (optimistic locking):
// - the unit change and a "case.unit_changed" audit event with the unit ids before and after;
// - a special-category unit (Unit.specialCategory, e.g. health) marks the case special-category
//   (Art. 9: citizens then need ID-porten level high to read it). Moving it out never clears the
//   flag: that is a caseworker's decision about the content, not about where the case lies;
// - an assignee who cannot see the case in its new unit (need-to-know) is unassigned, with a
//   "case.unassigned" event (reason "unit_changed").
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isClosed } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor, type CaseRef } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { requireCaseAction } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const changeUnitSchema = z.object({
  unitId: z.uuid("policyWork.unit.errors.unitRequired"),
  version: versionField,
});

export type ChangeUnitResult = {
  version: number;
  unitId: string;
  /** The case became special-category because of its new unit. */
  specialCategorySet: boolean;
  /** The assignee lost access and was unassigned. */
  unassigned: boolean;
  /** Whether the actor can still see the case in its new unit (else the page is gone for them). */
  stillVisible: boolean;
};

export async function changeCaseUnit(
  actor: Actor,
  input: { reference: string; unitId: string; expectedVersion: number; now?: Date },
): Promise<ChangeUnitResult> {
  const found = await requireCaseAction(actor, input.reference, "case.change_unit");
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = changeUnitSchema.safeParse({ unitId: input.unitId, version: input.expectedVersion });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("validation_failed", { field: String(issue?.path[0] ?? "unitId"), reference: found.reference });
  }
  if (isClosed(found.status)) throw new DomainError("case_closed", { reference: found.reference });
  const unitId = parsed.data.unitId;
  const now = input.now ?? clockNow();

  return db().$transaction(async (tx) => {
    // FOR SHARE: see resolveUnit in create-case.ts (a concurrent special-category switch on the unit).
    const [unit] = await tx.$queryRaw<{ id: string; specialCategory: boolean }[]>`
      SELECT id::text AS id, special_category AS "specialCategory" FROM unit
       WHERE id = ${unitId}::uuid AND municipality_id = ${found.municipalityId} AND active FOR SHARE`;
    if (!unit) throw new DomainError("validation_failed", { field: "unitId", reason: "unknown", reference: found.reference });
    const current = await tx.case.findUniqueOrThrow({
      where: { id: found.id },
      select: { unitId: true, assigneeId: true, requesterId: true, specialCategory: true, version: true },
    });
    if (current.version !== parsed.data.version) throw new DomainError("conflict_stale_version", { reference: found.reference });
    if (current.unitId === unit.id) throw new DomainError("validation_failed", { field: "unitId", reason: "same", reference: found.reference });

    const setSpecial = unit.specialCategory && !current.specialCategory;
    // The assignee keeps the case only if they could see it in the new unit without being its assignee.
    let keepAssignee = current.assigneeId === null;
    if (current.assigneeId !== null) {
      const assignee = await tx.user.findUnique({
        where: { id: current.assigneeId },
        select: { id: true, active: true, roles: true, units: { select: { unitId: true } } },
      });
      const newRef: CaseRef = { unitId: unit.id, requesterId: current.requesterId, assigneeId: null };
      keepAssignee =
        assignee?.active === true &&
        can({ kind: "staff", userId: assignee.id, roles: assignee.roles, unitIds: assignee.units.map((u) => u.unitId) }, "case.view", newRef);
    }

    // Guarded like bumpCaseVersionInTx: only the version we read may be replaced.
    const updated = await tx.case.updateMany({
      where: { id: found.id, version: parsed.data.version },
      data: {
        unitId: unit.id,
        ...(setSpecial ? { specialCategory: true } : {}),
        ...(keepAssignee ? {} : { assigneeId: null }),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("conflict_stale_version", { reference: found.reference });
    const version = parsed.data.version + 1;
    const actorRef = { actorType: "staff" as const, actorId: actor.userId };
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        ...actorRef,
        type: "case.unit_changed",
        before: { unitId: current.unitId },
        after: { unitId: unit.id, ...(setSpecial ? { specialCategory: true } : {}) },
      },
    });
    if (!keepAssignee) {
      await tx.caseEvent.create({
        data: {
          caseId: found.id,
          at: now,
          ...actorRef,
          type: "case.unassigned",
          before: { assigneeId: current.assigneeId },
          after: { assigneeId: null, reason: "unit_changed" },
        },
      });
    }
    const after: CaseRef = { unitId: unit.id, requesterId: current.requesterId, assigneeId: keepAssignee ? current.assigneeId : null };
    return { version, unitId: unit.id, specialCategorySet: setSpecial, unassigned: !keepAssignee, stillVisible: can(actor, "case.view", after) };
  });
}
