import { describe, expect, it } from "vitest";
import { ADMIN_AUDIT_ACTIONS, TARGET_OF_ACTION, changedFields, letterTemplateTargetId } from "@/lib/domain/admin-audit";

describe("admin audit entries", () => {
  it("keeps only what changed (sets of roles compare without order)", () => {
    expect(changedFields({ roles: ["a", "b"], name: "X" }, { roles: ["b", "a"], name: "X" })).toBeNull();
    expect(changedFields({ name: "X" }, { name: "Y", email: "e" })).toEqual({ before: { name: "X", email: null }, after: { name: "Y", email: "e" } });
  });

  it("a value that goes away is recorded as null, a new one against null", () => {
    expect(changedFields({ email: "a@example.test" }, {})).toEqual({ before: { email: "a@example.test" }, after: { email: null } });
    expect(changedFields({}, {})).toBeNull();
    expect(changedFields({ active: true }, { active: false })).toEqual({ before: { active: true }, after: { active: false } });
    expect(changedFields({ units: ["A"] }, { units: ["A", "B"] })).toEqual({ before: { units: ["A"] }, after: { units: ["A", "B"] } });
  });

  it("every action has its target, and template ids read as right/outcome/locale", () => {
    expect(Object.keys(TARGET_OF_ACTION).sort()).toEqual([...ADMIN_AUDIT_ACTIONS].sort());
    expect(letterTemplateTargetId({ right: "access", outcome: "granted", locale: "nb" })).toBe("access/granted/nb");
  });
});
