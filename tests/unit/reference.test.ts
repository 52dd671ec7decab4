import { describe, expect, it } from "vitest";
import {
  formatCaseReference,
  isCanonicalCaseReference,
  isCaseReference,
  normaliseCaseReference,
  parseCaseReference,
} from "@/lib/domain/reference";
import { isDomainError } from "@/lib/domain/errors";

describe("formatCaseReference", () => {
  it.each([
    [2026, 42, "PV-2026-000042"],
    [2026, 1, "PV-2026-000001"],
    [2027, 999_999, "PV-2027-999999"],
    [2027, 1_000_000, "PV-2027-1000000"],
  ])("(%i, %i) -> %s", (year, seq, expected) => {
    expect(formatCaseReference(year, seq)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, Number.NaN],
    [26, 1],
    [10_000, 1],
    [2026.5, 1],
  ])("rejects (%s, %s) with validation_failed", (year, seq) => {
    let error: unknown;
    try {
      formatCaseReference(year, seq);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, "validation_failed")).toBe(true);
  });
});

describe("parseCaseReference", () => {
  it.each([
    ["PV-2026-000042", { year: 2026, seq: 42 }],
    ["pv-2026-000042", { year: 2026, seq: 42 }],
    ["Pv-2026-000042", { year: 2026, seq: 42 }],
    ["  PV-2026-000042\n", { year: 2026, seq: 42 }],
    ["PV-2027-1000000", { year: 2027, seq: 1_000_000 }],
  ])("%j -> %j", (input, expected) => {
    expect(parseCaseReference(input)).toEqual(expected);
  });

  it.each([
    "",
    "PV-2026-42",
    "PV-2026-00042",
    "PV-2026-000000",
    "PV-2026-0000042", // a padded 7-digit sequence is not canonical
    "PV-0026-000042",
    "PV-26-000042",
    "PV 2026 000042",
    "PV-2026-000042x",
    "xPV-2026-000042",
    "PV-2026-00004a",
    "PV–2026–000042", // en dashes
    "PV-2026-000042 PV-2026-000043",
    "AB-2026-000042",
    "PV-2026-12345678901234567890",
  ])("rejects %j", (input) => {
    expect(parseCaseReference(input)).toBeNull();
    expect(isCaseReference(input)).toBe(false);
  });

  it("round-trips and normalises to upper case", () => {
    for (const [year, seq] of [
      [2026, 1],
      [2026, 42],
      [2030, 123_456],
      [2031, 9_876_543],
    ] as const) {
      const ref = formatCaseReference(year, seq);
      expect(parseCaseReference(ref)).toEqual({ year, seq });
      expect(normaliseCaseReference(ref.toLowerCase())).toBe(ref);
    }
    expect(normaliseCaseReference("nope")).toBeNull();
  });
});

describe("isCanonicalCaseReference", () => {
  it("accepts exactly the spelling the portal writes", () => {
    expect(isCanonicalCaseReference("PV-2026-000042")).toBe(true);
    expect(isCanonicalCaseReference("PV-2026-1234567")).toBe(true);
  });

  it("refuses other spellings of a reference, and everything else", () => {
    for (const value of ["pv-2026-000042", " PV-2026-000042", "PV-2026-000042\n", "PV-2026-0000042", "PV-2026-000000", "PV-0999-000001", "PV-2026-42", "PV-2026-000042x", "", null, undefined, 42, ["PV-2026-000042"]]) {
      expect(isCanonicalCaseReference(value), JSON.stringify(value)).toBe(false);
    }
  });

  it("agrees with formatCaseReference over many references", () => {
    for (const [year, seq] of [[2026, 1], [2026, 999999], [2026, 1000000], [1000, 5], [9999, 123456789]] as const) {
      expect(isCanonicalCaseReference(formatCaseReference(year, seq))).toBe(true);
    }
  });
});
