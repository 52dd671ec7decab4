/**
 * Authorisation policy: who may do what, on which case.
 *
 * Staff permissions are one table (`STAFF_PERMISSIONS`): a row per action, a
 * column per role, each cell a scope. A staff member with several roles gets the
 * union of their roles. Citizens and the system have their own short rules.
 *
 * Case-scoped actions need a `caseRef`; without one they are refused (except for
 * the system actor). Collection actions (`case.list`, `dashboard.view`) take no
 * case: the rows they return are limited with `visibleUnitScope`.
 */

import { identityAtLeast, type IdentityLevel } from "./case-status";

export const ROLES = ["caseworker", "unit_lead", "dpo", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: "staff"; userId: string; roles: Role[]; unitIds: string[] }
  // `level`: how strongly this sign-in proved who they are (none: not known, e.g. a job acting for them).
  | { kind: "citizen"; requesterId: string; level?: IdentityLevel }
  | { kind: "system" };

export const ACTIONS = [
  "case.view",
  "case.list",
  "case.claim",
  "case.assign",
  "case.register",
  "case.ask_requester",
  "case.extend",
  "case.decide",
  "case.note",
  "case.message",
  "case.withdraw",
  "case.view_audit",
  "case.complain",
  "case.legal_hold",
  "case.task",
  "case.restrict",
  "case.complex",
  "case.special_category",
  "case.change_unit",
  "case.reopen",
  "dashboard.view",
  "complaint.handle",
  "admin.manage_users",
  "admin.manage_units",
  "admin.manage_templates",
  "admin.view_audit",
  "admin.manage_records",
] as const;
export type Action = (typeof ACTIONS)[number];

/** `specialCategory`: the case holds special-category data (Art. 9); left out = it does not. */
export type CaseRef = { unitId: string | null; requesterId: string; assigneeId: string | null; specialCategory?: boolean };

/** Actions that are about one case and therefore need a `caseRef`. */
export const CASE_ACTIONS = [
  "case.view",
  "case.claim",
  "case.assign",
  "case.ask_requester",
  "case.extend",
  "case.decide",
  "case.note",
  "case.message",
  "case.withdraw",
  "case.view_audit",
  "case.complain",
  "case.legal_hold",
  "case.task",
  "case.restrict",
  "case.complex",
  "case.special_category",
  "case.change_unit",
  "case.reopen",
] as const satisfies readonly Action[];

export function isCaseAction(action: Action): boolean {
  return (CASE_ACTIONS as readonly Action[]).includes(action);
}

/**
 * Scopes of a staff permission:
 * - `no`:     never.
 * - `yes`:    actions without a case (register, list, dashboard, admin).
 * - `unit`:   cases of the actor's units, and cases assigned to the actor. Cases with
 *             no unit yet ("vet ikke") only if assigned to the actor.
 * - `triage`: as `unit`, plus every case with no unit yet (unit leads triage them).
 * - `all`:    every case.
 */
type Scope = "no" | "yes" | "unit" | "triage" | "all";

// prettier-ignore
export const STAFF_PERMISSIONS: Readonly<Record<Action, Readonly<Record<Role, Scope>>>> = {
  //                      caseworker           unit_lead             dpo            admin
  "case.view":          { caseworker: "unit", unit_lead: "triage", dpo: "all", admin: "no" },
  "case.list":          { caseworker: "yes",  unit_lead: "yes",    dpo: "yes", admin: "no" },
  "case.claim":         { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.assign":        { caseworker: "no",   unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.register":      { caseworker: "yes",  unit_lead: "yes",    dpo: "no",  admin: "no" },
  "case.ask_requester": { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.extend":        { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.decide":        { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.note":          { caseworker: "unit", unit_lead: "triage", dpo: "all", admin: "no" },
  "case.message":       { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.withdraw":      { caseworker: "no",   unit_lead: "no",     dpo: "no",  admin: "no" },
  "case.view_audit":    { caseworker: "unit", unit_lead: "triage", dpo: "all", admin: "no" },
  // A citizen's complaint to the DPO about their case (GDPR art. 38(4)); staff never file one.
  "case.complain":      { caseworker: "no",   unit_lead: "no",     dpo: "no",  admin: "no" },
  // Legal hold stops retention from anonymising a closed case (e.g. a pending complaint or lawsuit).
  "case.legal_hold":    { caseworker: "no",   unit_lead: "triage", dpo: "all", admin: "no" },
  // Tasks per system (search/correct/erase, Art. 19 notices), Art. 18 restriction, marking complex.
  "case.task":          { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.restrict":      { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  "case.complex":       { caseworker: "unit", unit_lead: "triage", dpo: "no",  admin: "no" },
  // Whether the case holds special-category data (Art. 9): citizens then need ID-porten level high.
  "case.special_category": { caseworker: "unit", unit_lead: "triage", dpo: "no", admin: "no" },
  // Moving a case to another unit (or giving a "vet ikke" case its unit) is the unit lead's triage.
  "case.change_unit":   { caseworker: "no",   unit_lead: "triage", dpo: "no",  admin: "no" },
  // Reopening a closed case (after a complaint, an order, an incomplete answer) is the unit lead's
  // or the DPO's call, never the caseworker's who closed it.
  "case.reopen":        { caseworker: "no",   unit_lead: "triage", dpo: "all", admin: "no" },
  "dashboard.view":     { caseworker: "no",   unit_lead: "yes",    dpo: "yes", admin: "no" },
  "complaint.handle":   { caseworker: "no",   unit_lead: "no",     dpo: "yes", admin: "no" },
  "admin.manage_users": { caseworker: "no",   unit_lead: "no",     dpo: "no",  admin: "yes" },
  "admin.manage_units": { caseworker: "no",   unit_lead: "no",     dpo: "no",  admin: "yes" },
  "admin.manage_templates": { caseworker: "no", unit_lead: "no",   dpo: "no",  admin: "yes" },
  // The administration's audit trail (roles granted, units, retention, letter wording): the admins
  // who made the changes and the DPO who must answer for them.
  "admin.view_audit":   { caseworker: "no",   unit_lead: "no",     dpo: "yes", admin: "yes" },
  // The records of processing (Art. 30) that access answers quote: the admins and the DPO, who
  // advises on them (Art. 39(1)) and often keeps them in a small municipality.
  "admin.manage_records": { caseworker: "no", unit_lead: "no",     dpo: "yes", admin: "yes" },
};

/** What a citizen may do, always only on a case where they are the requester. */
export const CITIZEN_ACTIONS = ["case.view", "case.message", "case.withdraw", "case.complain"] as const satisfies readonly Action[];

function staffScopeAllows(
  scope: Scope,
  actor: Extract<Actor, { kind: "staff" }>,
  action: Action,
  caseRef: CaseRef | undefined,
): boolean {
  if (scope === "no") return false;
  if (!isCaseAction(action)) return true;
  if (!caseRef) return false;
  switch (scope) {
    case "yes":
    case "all":
      return true;
    case "triage":
      if (caseRef.unitId === null) return true;
      return inOwnUnitOrAssigned(actor, caseRef);
    case "unit":
      return inOwnUnitOrAssigned(actor, caseRef);
  }
}

// Being the assignee gives access on its own, so an assignment must never outlive the access that
// allowed it: removing a unit, a role or the account (lib/admin/unassign-staff-user.ts) and moving
// the case to another unit (lib/cases/change-unit.ts) unassign whoever could no longer take it.
function inOwnUnitOrAssigned(actor: Extract<Actor, { kind: "staff" }>, caseRef: CaseRef): boolean {
  if (caseRef.assigneeId !== null && caseRef.assigneeId === actor.userId) return true;
  return caseRef.unitId !== null && actor.unitIds.includes(caseRef.unitId);
}

function isKnownAction(action: unknown): action is Action {
  return typeof action === "string" && (ACTIONS as readonly string[]).includes(action);
}

/**
 * May `actor` perform `action` (on `caseRef`, for case actions)?
 * Unknown or missing actors and unknown actions are refused.
 */
export function can(actor: Actor | null | undefined, action: Action, caseRef?: CaseRef): boolean {
  if (!actor || !isKnownAction(action)) return false;
  switch (actor.kind) {
    case "system":
      return true;
    case "citizen":
      return (
        (CITIZEN_ACTIONS as readonly Action[]).includes(action) &&
        caseRef !== undefined &&
        actor.requesterId !== "" &&
        caseRef.requesterId === actor.requesterId &&
        // Writing to a special-category case needs the step-up as reading its content does; the case
        // itself (reference, status) stays visible, and withdrawing or complaining reveals nothing.
        (action !== "case.message" || !citizenMustStepUp(actor, caseRef))
      );
    case "staff":
      return actor.roles.some((role) => {
        const scope = STAFF_PERMISSIONS[action][role];
        return scope !== undefined && staffScopeAllows(scope, actor, action, caseRef);
      });
    default:
      return false;
  }
}

/** The level a citizen needs for the content of a special-category case (Art. 9). */
export const SPECIAL_CATEGORY_LEVEL: IdentityLevel = "idporten_high";

/**
 * Art. 9 (special categories, e.g. health): the requester of such a case reads its messages, files
 * and answers, and writes to it, only after signing in with ID-porten level high. True when this
 * citizen must step up first. The one place that rule lives.
 */
export function citizenMustStepUp(actor: Pick<Extract<Actor, { kind: "citizen" }>, "level">, caseRef: Pick<CaseRef, "specialCategory">): boolean {
  return caseRef.specialCategory === true && !identityAtLeast(actor.level ?? "none", SPECIAL_CATEGORY_LEVEL);
}

/**
 * Role-level check only, ignoring the case scope (for menus: "could this user ever
 * decide a case?"). Never use it to authorise an operation on a case: use `can`.
 */
export function hasPermission(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor || !isKnownAction(action)) return false;
  switch (actor.kind) {
    case "system":
      return true;
    case "citizen":
      return (CITIZEN_ACTIONS as readonly Action[]).includes(action);
    case "staff":
      return actor.roles.some((role) => (STAFF_PERMISSIONS[action][role] ?? "no") !== "no");
    default:
      return false;
  }
}

/**
 * Which cases a staff member may see (`case.view`), for building list queries.
 * A case is in `{ unitIds, includeUnassignedUnit, assigneeId }` when
 * `unitIds` contains its unit, or its unit is null and `includeUnassignedUnit`,
 * or `assigneeId` is set and equals the case's assignee (see `isInScope`).
 * Citizens, admins without another role, and unknown actors get an empty scope
 * (citizens' own cases are listed by requester id, not by unit).
 */
export type UnitScope = { all: true } | { unitIds: string[]; includeUnassignedUnit: boolean; assigneeId?: string };

export function visibleUnitScope(actor: Actor | null | undefined): UnitScope {
  const none: UnitScope = { unitIds: [], includeUnassignedUnit: false };
  if (!actor) return none;
  if (actor.kind === "system") return { all: true };
  if (actor.kind !== "staff") return none;
  const scopes = actor.roles.map((role) => STAFF_PERMISSIONS["case.view"][role] ?? "no");
  if (scopes.includes("all")) return { all: true };
  const triage = scopes.includes("triage");
  if (!triage && !scopes.includes("unit")) return none;
  return { unitIds: [...actor.unitIds], includeUnassignedUnit: triage, assigneeId: actor.userId };
}

export function isInScope(scope: UnitScope, caseRef: CaseRef): boolean {
  if ("all" in scope) return true;
  if (scope.assigneeId !== undefined && caseRef.assigneeId === scope.assigneeId) return true;
  if (caseRef.unitId === null) return scope.includeUnassignedUnit;
  return scope.unitIds.includes(caseRef.unitId);
}
