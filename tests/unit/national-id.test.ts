// Every number here was constructed by hand and its check digits verified independently (python).
import { describe, expect, it } from "vitest";
import { ageOn, birthDateOfNationalId, isValidNationalId, maskNationalId, nationalIdKind, normaliseNationalId } from "@/lib/domain/national-id";
import { TEST_PERSONS } from "@/lib/dev/test-persons";

describe("isValidNationalId: fødselsnummer", () => {
  it.each([
    ["01019000083", "01.01.1990"],
    ["01019000407", "01.01.1990, first check digit from remainder 0"],
    ["29020400038", "29.02.2004 (leap year)"],
    ["29020050088", "29.02.2000 (individual number 500-999: year 2000, a leap year)"],
  ])("accepts %s (%s)", (id) => {
    expect(isValidNationalId(id)).toBe(true);
    expect(nationalIdKind(id)).toBe("fnr");
  });

  it("rejects a wrong first or second check digit", () => {
    expect(isValidNationalId("01019000093")).toBe(false);
    expect(isValidNationalId("01019000084")).toBe(false);
    expect(isValidNationalId("01019000080")).toBe(false);
  });

  it("rejects every number whose first check digit would come from remainder 1", () => {
    for (let k = 0; k < 100; k++) expect(isValidNationalId(`010190012${String(k).padStart(2, "0")}`)).toBe(false);
  });

  it("rejects every number whose second check digit would come from remainder 1", () => {
    for (let k = 0; k < 10; k++) expect(isValidNationalId(`0101900075${k}`)).toBe(false);
  });

  it.each([
    ["31020100063", "31.02"],
    ["29020300017", "29.02.2003 (no leap year)"],
    ["29020000064", "29.02.1900 (individual number 000-499: year 1900, no leap year)"],
    ["32019000035", "day 32"],
    ["01139000001", "month 13"],
  ])("rejects %s (%s) although both check digits are right", (id) => {
    expect(isValidNationalId(id)).toBe(false);
    expect(isValidNationalId(id, { allowSynthetic: true })).toBe(false);
  });

  it.each(["", "0101900008", "010190000833", "0101900008a", "01.01.90 00083", " 01019000083"])(
    "rejects %j (not exactly 11 digits)",
    (id) => expect(isValidNationalId(id)).toBe(false),
  );
});

describe("isValidNationalId: D-nummer", () => {
  it("accepts a D-nummer (first digit + 4)", () => {
    expect(nationalIdKind("41019000077")).toBe("dnr");
    expect(nationalIdKind("71019000170")).toBe("dnr"); // day 31
  });
  it("rejects a D-nummer with a wrong check digit", () => {
    expect(isValidNationalId("41019000078")).toBe(false);
  });
});

describe("isValidNationalId: synthetic test numbers (month + 80)", () => {
  it("rejects them by default and accepts them only with allowSynthetic", () => {
    expect(isValidNationalId("15859110190")).toBe(false);
    expect(isValidNationalId("15859110190", { allowSynthetic: false })).toBe(false);
    expect(isValidNationalId("15859110190", { allowSynthetic: true })).toBe(true);
  });
  it("accepts a synthetic D-nummer with allowSynthetic", () => {
    expect(nationalIdKind("55859110184", { allowSynthetic: true })).toBe("dnr");
    expect(nationalIdKind("55859110184")).toBeNull();
  });
  it("still checks the date of a synthetic number", () => {
    expect(isValidNationalId("31820100029", { allowSynthetic: true })).toBe(false);
  });
  it("holds for every test person of the local test ID-porten", () => {
    for (const p of TEST_PERSONS) {
      expect(isValidNationalId(p.pid, { allowSynthetic: true }), p.pid).toBe(true);
      expect(isValidNationalId(p.pid), p.pid).toBe(false);
    }
  });
});

describe("normaliseNationalId and maskNationalId", () => {
  it("strips spaces, dots and dashes", () => {
    expect(normaliseNationalId(" 010190 000.83 ")).toBe("01019000083");
    expect(normaliseNationalId("01.01.90-00083")).toBe("01019000083");
    expect(isValidNationalId(normaliseNationalId("010190 00083"))).toBe(true);
  });
  it("shows the first six digits only", () => {
    expect(maskNationalId("01019000083")).toBe("010190*****");
    expect(maskNationalId("010190 00083")).toBe("010190*****");
  });
});

/** A valid number for DDMMYY + individual number (both check digits; the next individual number if impossible). */
function numberFor(ddmmyy: string, individual: number): string {
  const base = `${ddmmyy}${String(individual).padStart(3, "0")}`;
  const digits = Array.from(base, Number);
  const mod = (weights: number[], ds: number[]) => {
    const r = weights.reduce((sum, w, i) => sum + w * ds[i]!, 0) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  const k1 = mod([3, 7, 6, 1, 8, 9, 4, 5, 2], digits);
  const k2 = mod([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...digits, k1]);
  if (k1 === 10 || k2 === 10) return numberFor(ddmmyy, individual + 1);
  return `${base}${k1}${k2}`;
}

describe("birthDateOfNationalId: the century from the individual number", () => {
  it.each([
    ["010190", 124, "1990-01-01"],
    ["170512", 512, "2012-05-17"],
    ["290200", 600, "2000-02-29"],
    ["150380", 600, "1880-03-15"],
    ["150345", 950, "1945-03-15"],
    ["311299", 499, "1999-12-31"],
    ["410190", 124, "1990-01-01"], // D-nummer: day + 40
  ])("%s with individual number %i is born %s", (ddmmyy, individual, born) => {
    expect(birthDateOfNationalId(numberFor(ddmmyy, individual))).toBe(born);
  });

  it("synthetic numbers (month + 80) only when allowed; impossible centuries and invalid numbers give null", () => {
    const synthetic = numberFor("018190", 124);
    expect(birthDateOfNationalId(synthetic)).toBeNull();
    expect(birthDateOfNationalId(synthetic, { allowSynthetic: true })).toBe("1990-01-01");
    // 750-899 with a year 40-99 is no century at all.
    expect(birthDateOfNationalId(numberFor("010145", 800))).toBeNull();
    expect(birthDateOfNationalId("12345678901")).toBeNull();
  });

  it("ageOn counts full years, the birthday included", () => {
    expect(ageOn("2010-12-02", "2026-12-02")).toBe(16);
    expect(ageOn("2010-12-03", "2026-12-02")).toBe(15);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });
});
