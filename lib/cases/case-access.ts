// The access gates of every staff service on one case: the case is read through the policy scope
// (a case outside it does not exist for this actor: null, or not_found -> 404), then the action is
// checked (visible but not allowed -> forbidden). The policy action each case-work service checks
// is listed once here, and the case page's permission flags read the same list.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Action, type Actor } from "@/lib/domain/policy";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { caseScopeFilter } from "./case-scope";

export async function staffCaseRef(actor: Actor, reference: string) {
  if (actor.kind !== "staff" || !isCanonicalCaseReference(reference)) return null;
  const found = await db().case.findFirst({
    where: { AND: [{ reference }, caseScopeFilter(actor)] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      locale: true,
      unitId: true,
      requesterId: true,
      assigneeId: true,
      municipalityId: true,
      answerChannel: true,
      closedAt: true,
      followUpAt: true,
      onBehalfOf: true,
      subjectName: true,
      requester: { select: { name: true, email: true, postalAddress: true, identity: { select: { email: true } } } },
    },
  });
  if (!found) return null;
  const ref = { unitId: found.unitId, requesterId: found.requesterId, assigneeId: found.assigneeId };
  return can(actor, "case.view", ref) ? { ...found, ref } : null;
}

export type CaseForAction = NonNullable<Awaited<ReturnType<typeof staffCaseRef>>>;

/**
 * The case `reference` if `actor` may see it AND do `action` on it. Not visible -> not_found (404);
 * visible but not allowed (e.g. the DPO deciding) -> forbidden.
 */
export async function requireCaseAction(actor: Actor, reference: string, action: Action): Promise<CaseForAction> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) throw new DomainError("not_found");
  if (!can(actor, action, visible.ref)) throw new DomainError("forbidden");
  return visible;
}


/**
 * The policy action each case-work service checks, and the case page's permission flags read:
 * ask (pause for the requester), extend, decide, note, tasks (per system), restrict (Art. 18),
 * complex, specialCategory (Art. 9 mark), changeUnit (move the case), assign.
 */
export const CASE_WORK_ACTIONS = {
  ask: "case.ask_requester",
  extend: "case.extend",
  decide: "case.decide",
  note: "case.note",
  tasks: "case.task",
  restrict: "case.restrict",
  complex: "case.complex",
  specialCategory: "case.special_category",
  changeUnit: "case.change_unit",
  assign: "case.assign",
  reopen: "case.reopen",
} as const satisfies Record<string, Action>;

/** What this person may do on the case: one flag per case-work action. */
export type CaseWorkPermissions = { [K in keyof typeof CASE_WORK_ACTIONS]: boolean };
