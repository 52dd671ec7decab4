// Use case: the case page's "assignment and unit" panel. Read through the policy scope (a case
// outside it -> null); what the actor may do is the policy's answer on this case ("case.assign",
// "case.change_unit"), and the choices are what the services will accept: colleagues who could
// take the case themselves, and the other active units of the case's municipality.
import { db } from "@/lib/db/client";
import { isClosed } from "@/lib/domain/case-status";
import { can, type Actor } from "@/lib/domain/policy";
import { assigneeChoicesFor } from "./assign-case";
import { staffCaseRef } from "./case-access";

export type CaseAssignmentView = {
  reference: string;
  version: number;
  closed: boolean;
  unitId: string | null;
  assigneeId: string | null;
  canAssign: boolean;
  canChangeUnit: boolean;
  assignees: { id: string; name: string }[];
  /** Units the case may be moved to (not its current one). */
  units: { id: string; name: string; specialCategory: boolean }[];
};

export async function getCaseAssignment(actor: Actor, reference: string): Promise<CaseAssignmentView | null> {
  const found = await staffCaseRef(actor, reference);
  if (!found || actor.kind !== "staff") return null;
  const closed = isClosed(found.status);
  const canAssign = !closed && can(actor, "case.assign", found.ref);
  const canChangeUnit = !closed && can(actor, "case.change_unit", found.ref);
  const [assignees, units] = await Promise.all([
    canAssign ? assigneeChoicesFor(found.ref) : [],
    canChangeUnit
      ? db().unit.findMany({
          where: { municipalityId: found.municipalityId, active: true, ...(found.unitId ? { id: { not: found.unitId } } : {}) },
          select: { id: true, name: true, specialCategory: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  return {
    reference: found.reference,
    version: found.version,
    closed,
    unitId: found.unitId,
    assigneeId: found.assigneeId,
    canAssign,
    canChangeUnit,
    assignees,
    units,
  };
}
