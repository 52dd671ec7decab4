import { describe, expect, it } from "vitest";
import { DEVIATIONS, WCAG_CRITERIA, criteriaWith, overallConformance } from "@/lib/domain/wcag";

// WCAG 2.1 has 30 level A and 20 level AA success criteria (W3C Recommendation, 2018).
describe("the accessibility statement's criteria", () => {
  it("lists every WCAG 2.1 A and AA criterion once, in order", () => {
    const ids = WCAG_CRITERIA.map((criterion) => criterion.id);
    expect(new Set(ids).size).toBe(50);
    expect(WCAG_CRITERIA.filter((criterion) => criterion.level === "A")).toHaveLength(30);
    expect(WCAG_CRITERIA.filter((criterion) => criterion.level === "AA")).toHaveLength(20);
    const sorted = [...ids].sort((a, b) => {
      const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
    expect(ids).toEqual(sorted);
    for (const id of ["1.3.4", "1.3.5", "1.4.10", "1.4.11", "1.4.12", "1.4.13", "2.1.4", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "4.1.3"]) {
      expect(ids, `WCAG 2.1's new criterion ${id}`).toContain(id);
    }
  });

  it("names each in three languages and says how it is checked", () => {
    for (const criterion of WCAG_CRITERIA) {
      expect(criterion.name.nb.trim(), criterion.id).not.toBe("");
      expect(criterion.name.nn.trim(), criterion.id).not.toBe("");
      expect(criterion.name.en.trim(), criterion.id).not.toBe("");
      expect(criterion.tested.length, criterion.id).toBeGreaterThan(0);
    }
  });

  it("ties every partly met criterion to a deviation and every deviation to a criterion", () => {
    for (const criterion of WCAG_CRITERIA) {
      expect(criterion.status === "partly", criterion.id).toBe(criterion.deviation !== undefined);
    }
    for (const deviation of DEVIATIONS) expect(criteriaWith(deviation).length, deviation).toBeGreaterThan(0);
  });

  it("is partial while any criterion is partly met, full otherwise", () => {
    expect(overallConformance()).toBe("partial");
    expect(overallConformance(WCAG_CRITERIA.map((criterion) => ({ ...criterion, status: "met" as const, deviation: undefined })))).toBe("full");
  });
});
