import { describe, expect, it } from "vitest";
import { detailFieldsOfRight, readStoredDetails } from "@/lib/requests/stored-details";
import { RIGHTS } from "@/lib/domain/rights";

describe("readStoredDetails", () => {
  it("keeps known fields of the right type, trimmed; drops the rest", () => {
    expect(
      readStoredDetails({
        incorrectData: "  Feil adresse ",
        correctData: "   ",
        erasureGround: "b",
        restrictionGround: "e",
        directMarketing: true,
        scopePeriodFrom: "2025-01-31",
        scopePeriodTo: "2025-02-30",
        dataProvided: 7,
        specialCategory: true,
      }),
    ).toEqual({ incorrectData: "Feil adresse", erasureGround: "b", directMarketing: true, scopePeriodFrom: "2025-01-31" });
  });

  it("anything but an object is no details", () => {
    for (const json of [null, undefined, "x", 3, ["incorrectData"]]) expect(readStoredDetails(json)).toEqual({});
  });
});

describe("detailFieldsOfRight", () => {
  it("lists each right's own fields without the narrowing fields", () => {
    expect(detailFieldsOfRight("access", {})).toEqual([]);
    expect(detailFieldsOfRight("rectification", {})).toEqual(["incorrectData", "correctData"]);
    expect(detailFieldsOfRight("erasure", {})).toEqual(["dataToErase", "erasureGround"]);
    expect(detailFieldsOfRight("restriction", {})).toEqual(["processingConcerned", "restrictionGround"]);
    expect(detailFieldsOfRight("portability", {})).toEqual(["dataProvided"]);
    for (const right of RIGHTS) expect(detailFieldsOfRight(right, {}).some((f) => f.startsWith("scope"))).toBe(false);
  });

  it("an objection to direct marketing needs no reasons (Art. 21(3))", () => {
    expect(detailFieldsOfRight("objection", { directMarketing: false })).toEqual(["processingConcerned", "directMarketing", "objectionReasons"]);
    expect(detailFieldsOfRight("objection", { directMarketing: true })).toEqual(["processingConcerned", "directMarketing"]);
  });
});
