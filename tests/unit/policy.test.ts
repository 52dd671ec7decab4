import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  citizenMustStepUp,
  SPECIAL_CATEGORY_LEVEL,
  hasPermission,
  isInScope,
  visibleUnitScope,
  type Action,
  type Actor,
  type CaseRef,
} from "@/lib/domain/policy";

const ME = "user-me";
const REQUESTER = "requester-1";

// Case contexts, in the column order of the expectation strings below.
const CONTEXTS = {
  own: { unitId: "unit-1", requesterId: REQUESTER, assigneeId: null },
  other: { unitId: "unit-2", requesterId: REQUESTER, assigneeId: "user-other" },
  noUnit: { unitId: null, requesterId: REQUESTER, assigneeId: null },
  noUnitAssignedToMe: { unitId: null, requesterId: REQUESTER, assigneeId: ME },
  otherAssignedToMe: { unitId: "unit-2", requesterId: REQUESTER, assigneeId: ME },
  noCase: undefined,
} satisfies Record<string, CaseRef | undefined>;
type ContextName = keyof typeof CONTEXTS;
const CONTEXT_ORDER: ContextName[] = ["own", "other", "noUnit", "noUnitAssignedToMe", "otherAssignedToMe", "noCase"];

const staff = (...roles: Extract<Actor, { kind: "staff" }>["roles"]): Actor => ({
  kind: "staff",
  userId: ME,
  roles,
  unitIds: ["unit-1"],
});

const ACTORS = {
  caseworker: staff("caseworker"),
  unit_lead: staff("unit_lead"),
  dpo: staff("dpo"),
  admin: staff("admin"),
  caseworker_admin: staff("caseworker", "admin"),
  staff_without_roles: staff(),
  citizen_requester: { kind: "citizen", requesterId: REQUESTER },
  citizen_other: { kind: "citizen", requesterId: "requester-2" },
  system: { kind: "system" },
  missing: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof ACTORS;

/*
 * Expected results. Each string has one letter per context (Y = allowed, N = refused):
 *
 *   own | other unit | no unit | no unit, assigned to me | other unit, assigned to me | no case
 */
// prettier-ignore
const EXPECTED: Record<ActorName, Record<Action, string>> = {
  caseworker: {
    "case.view":          "YNNYYN",
    "case.list":          "YYYYYY",
    "case.claim":         "YNNYYN",
    "case.assign":        "NNNNNN",
    "case.register":      "YYYYYY",
    "case.ask_requester": "YNNYYN",
    "case.extend":        "YNNYYN",
    "case.decide":        "YNNYYN",
    "case.note":          "YNNYYN",
    "case.message":       "YNNYYN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "YNNYYN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "YNNYYN",
    "case.restrict":      "YNNYYN",
    "case.complex":       "YNNYYN",
    "case.special_category": "YNNYYN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
  unit_lead: {
    "case.view":          "YNYYYN",
    "case.list":          "YYYYYY",
    "case.claim":         "YNYYYN",
    "case.assign":        "YNYYYN",
    "case.register":      "YYYYYY",
    "case.ask_requester": "YNYYYN",
    "case.extend":        "YNYYYN",
    "case.decide":        "YNYYYN",
    "case.note":          "YNYYYN",
    "case.message":       "YNYYYN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "YNYYYN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "YNYYYN",
    "case.reopen":        "YNYYYN",
    "case.task":          "YNYYYN",
    "case.restrict":      "YNYYYN",
    "case.complex":       "YNYYYN",
    "case.special_category": "YNYYYN",
    "case.change_unit":   "YNYYYN",
    "dashboard.view":     "YYYYYY",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
  dpo: {
    "case.view":          "YYYYYN",
    "case.list":          "YYYYYY",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "YYYYYN",
    "case.message":       "NNNNNN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "YYYYYN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "YYYYYN",
    "case.reopen":        "YYYYYN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "YYYYYY",
    "complaint.handle":   "YYYYYY",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "YYYYYY",
    "admin.manage_records": "YYYYYY",
  },
  admin: {
    "case.view":          "NNNNNN",
    "case.list":          "NNNNNN",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "NNNNNN",
    "case.message":       "NNNNNN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "NNNNNN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "YYYYYY",
    "admin.manage_units": "YYYYYY",
    "admin.manage_templates": "YYYYYY",
    "admin.view_audit":   "YYYYYY",
    "admin.manage_records": "YYYYYY",
  },
  caseworker_admin: {
    "case.view":          "YNNYYN",
    "case.list":          "YYYYYY",
    "case.claim":         "YNNYYN",
    "case.assign":        "NNNNNN",
    "case.register":      "YYYYYY",
    "case.ask_requester": "YNNYYN",
    "case.extend":        "YNNYYN",
    "case.decide":        "YNNYYN",
    "case.note":          "YNNYYN",
    "case.message":       "YNNYYN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "YNNYYN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "YNNYYN",
    "case.restrict":      "YNNYYN",
    "case.complex":       "YNNYYN",
    "case.special_category": "YNNYYN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "YYYYYY",
    "admin.manage_units": "YYYYYY",
    "admin.manage_templates": "YYYYYY",
    "admin.view_audit":   "YYYYYY",
    "admin.manage_records": "YYYYYY",
  },
  staff_without_roles: {
    "case.view":          "NNNNNN",
    "case.list":          "NNNNNN",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "NNNNNN",
    "case.message":       "NNNNNN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "NNNNNN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
  // Every context's case has this citizen as requester.
  citizen_requester: {
    "case.view":          "YYYYYN",
    "case.list":          "NNNNNN",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "NNNNNN",
    "case.message":       "YYYYYN",
    "case.withdraw":      "YYYYYN",
    "case.view_audit":    "NNNNNN",
    "case.complain":      "YYYYYN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
  citizen_other: {
    "case.view":          "NNNNNN",
    "case.list":          "NNNNNN",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "NNNNNN",
    "case.message":       "NNNNNN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "NNNNNN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
  system: {
    "case.view":          "YYYYYY",
    "case.list":          "YYYYYY",
    "case.claim":         "YYYYYY",
    "case.assign":        "YYYYYY",
    "case.register":      "YYYYYY",
    "case.ask_requester": "YYYYYY",
    "case.extend":        "YYYYYY",
    "case.decide":        "YYYYYY",
    "case.note":          "YYYYYY",
    "case.message":       "YYYYYY",
    "case.withdraw":      "YYYYYY",
    "case.view_audit":    "YYYYYY",
    "case.complain":      "YYYYYY",
    "case.legal_hold":    "YYYYYY",
    "case.reopen":        "YYYYYY",
    "case.task":          "YYYYYY",
    "case.restrict":      "YYYYYY",
    "case.complex":       "YYYYYY",
    "case.special_category": "YYYYYY",
    "case.change_unit":   "YYYYYY",
    "dashboard.view":     "YYYYYY",
    "complaint.handle":   "YYYYYY",
    "admin.manage_users": "YYYYYY",
    "admin.manage_units": "YYYYYY",
    "admin.manage_templates": "YYYYYY",
    "admin.view_audit":   "YYYYYY",
    "admin.manage_records": "YYYYYY",
  },
  missing: {
    "case.view":          "NNNNNN",
    "case.list":          "NNNNNN",
    "case.claim":         "NNNNNN",
    "case.assign":        "NNNNNN",
    "case.register":      "NNNNNN",
    "case.ask_requester": "NNNNNN",
    "case.extend":        "NNNNNN",
    "case.decide":        "NNNNNN",
    "case.note":          "NNNNNN",
    "case.message":       "NNNNNN",
    "case.withdraw":      "NNNNNN",
    "case.view_audit":    "NNNNNN",
    "case.complain":      "NNNNNN",
    "case.legal_hold":    "NNNNNN",
    "case.reopen":        "NNNNNN",
    "case.task":          "NNNNNN",
    "case.restrict":      "NNNNNN",
    "case.complex":       "NNNNNN",
    "case.special_category": "NNNNNN",
    "case.change_unit":   "NNNNNN",
    "dashboard.view":     "NNNNNN",
    "complaint.handle":   "NNNNNN",
    "admin.manage_users": "NNNNNN",
    "admin.manage_units": "NNNNNN",
    "admin.manage_templates": "NNNNNN",
    "admin.view_audit":   "NNNNNN",
    "admin.manage_records": "NNNNNN",
  },
};

describe("can(): every actor x every action x every case context", () => {
  const rows = (Object.keys(ACTORS) as ActorName[]).flatMap((actorName) =>
    ACTIONS.map((action) => ({ actorName, action, expected: EXPECTED[actorName][action] })),
  );

  it("the expectation table covers every action for every actor", () => {
    for (const actorName of Object.keys(ACTORS) as ActorName[]) {
      expect(Object.keys(EXPECTED[actorName]).sort()).toEqual([...ACTIONS].sort());
    }
  });

  it.each(rows)("$actorName / $action = $expected", ({ actorName, action, expected }) => {
    const actual = CONTEXT_ORDER.map((ctx) => (can(ACTORS[actorName], action, CONTEXTS[ctx]) ? "Y" : "N")).join("");
    expect(actual).toBe(expected);
  });
});

describe("other policy rules", () => {
  it("refuses unknown actions and malformed actors", () => {
    expect(can(ACTORS.system, "case.delete" as Action, CONTEXTS.own)).toBe(false);
    expect(can(undefined, "case.view", CONTEXTS.own)).toBe(false);
    expect(can({ kind: "robot" } as unknown as Actor, "case.view", CONTEXTS.own)).toBe(false);
  });

  it("a citizen with an empty requester id matches nothing", () => {
    expect(can({ kind: "citizen", requesterId: "" }, "case.view", { ...CONTEXTS.own, requesterId: "" })).toBe(false);
  });

  it("a staff member in several units sees all of them", () => {
    const actor: Actor = { kind: "staff", userId: ME, roles: ["caseworker"], unitIds: ["unit-1", "unit-2"] };
    expect(can(actor, "case.decide", CONTEXTS.other)).toBe(true);
    expect(can(actor, "case.decide", { ...CONTEXTS.other, unitId: "unit-3" })).toBe(false);
  });

  it("hasPermission checks the role level only", () => {
    expect(hasPermission(ACTORS.caseworker, "case.decide")).toBe(true);
    expect(hasPermission(ACTORS.dpo, "case.decide")).toBe(false);
    expect(hasPermission(ACTORS.dpo, "case.note")).toBe(true);
    expect(hasPermission(ACTORS.admin, "case.view")).toBe(false);
    expect(hasPermission(ACTORS.citizen_requester, "case.withdraw")).toBe(true);
    expect(hasPermission(ACTORS.missing, "case.view")).toBe(false);
  });
});

describe("visibleUnitScope()", () => {
  it("returns the scope per actor", () => {
    expect(visibleUnitScope(ACTORS.caseworker)).toEqual({ unitIds: ["unit-1"], includeUnassignedUnit: false, assigneeId: ME });
    expect(visibleUnitScope(ACTORS.unit_lead)).toEqual({ unitIds: ["unit-1"], includeUnassignedUnit: true, assigneeId: ME });
    expect(visibleUnitScope(staff("caseworker", "unit_lead"))).toEqual({
      unitIds: ["unit-1"],
      includeUnassignedUnit: true,
      assigneeId: ME,
    });
    expect(visibleUnitScope(ACTORS.dpo)).toEqual({ all: true });
    expect(visibleUnitScope(staff("caseworker", "dpo"))).toEqual({ all: true });
    expect(visibleUnitScope(ACTORS.system)).toEqual({ all: true });
    expect(visibleUnitScope(ACTORS.admin)).toEqual({ unitIds: [], includeUnassignedUnit: false });
    expect(visibleUnitScope(ACTORS.citizen_requester)).toEqual({ unitIds: [], includeUnassignedUnit: false });
    expect(visibleUnitScope(null)).toEqual({ unitIds: [], includeUnassignedUnit: false });
  });

  it("agrees with can(case.view) for every staff and system actor and every case", () => {
    const names: ActorName[] = ["caseworker", "unit_lead", "dpo", "admin", "caseworker_admin", "staff_without_roles", "system"];
    for (const name of names) {
      for (const ctx of CONTEXT_ORDER) {
        const ref = CONTEXTS[ctx];
        if (!ref) continue;
        expect(isInScope(visibleUnitScope(ACTORS[name]), ref), `${name} / ${ctx}`).toBe(can(ACTORS[name], "case.view", ref));
      }
    }
  });

  it("returns a copy of the unit list", () => {
    const actor: Actor = { kind: "staff", userId: ME, roles: ["caseworker"], unitIds: ["unit-1"] };
    const scope = visibleUnitScope(actor);
    if ("all" in scope) throw new Error("unexpected");
    scope.unitIds.push("unit-9");
    expect(actor.unitIds).toEqual(["unit-1"]);
  });
});

describe("special categories (Art. 9): the citizen's step-up", () => {
  const SPECIAL = { unitId: "unit-1", requesterId: REQUESTER, assigneeId: null, specialCategory: true };
  const ORDINARY = { ...SPECIAL, specialCategory: false };
  const citizenAt = (level?: "none" | "email_code" | "idporten_substantial" | "idporten_high" | "verified_in_person") =>
    ({ kind: "citizen", requesterId: REQUESTER, level }) as const;

  it("needs ID-porten high (or identity checked in person) for a special-category case only", () => {
    for (const level of [undefined, "none", "email_code", "idporten_substantial"] as const) {
      expect(citizenMustStepUp(citizenAt(level), SPECIAL), String(level)).toBe(true);
      expect(citizenMustStepUp(citizenAt(level), ORDINARY), String(level)).toBe(false);
      expect(citizenMustStepUp(citizenAt(level), {}), String(level)).toBe(false);
    }
    expect(citizenMustStepUp(citizenAt("idporten_high"), SPECIAL)).toBe(false);
    expect(citizenMustStepUp(citizenAt("verified_in_person"), SPECIAL)).toBe(false);
    expect(SPECIAL_CATEGORY_LEVEL).toBe("idporten_high");
  });

  it("refuses writing below that level; viewing the case, withdrawing and complaining stay allowed", () => {
    const low = citizenAt("email_code");
    expect(can(low, "case.message", SPECIAL)).toBe(false);
    expect(can(low, "case.view", SPECIAL)).toBe(true);
    expect(can(low, "case.withdraw", SPECIAL)).toBe(true);
    expect(can(low, "case.complain", SPECIAL)).toBe(true);
    expect(can(low, "case.message", ORDINARY)).toBe(true);
    expect(can(citizenAt("idporten_high"), "case.message", SPECIAL)).toBe(true);
    // Staff are not stepped up: their access is the unit scope.
    expect(can(staff("caseworker"), "case.message", SPECIAL)).toBe(true);
  });
});
