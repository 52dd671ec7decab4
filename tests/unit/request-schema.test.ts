import { describe, expect, it } from "vitest";
import {
  aboutStepSchema,
  detailsForRights,
  detailsStepSchema,
  fieldErrors,
  makeSubmitRequestSchema,
  submitRequestSchema,
  whatStepSchema,
} from "@/lib/requests/request-schema";
import { isValidNationalId } from "@/lib/domain/national-id";

/** A valid fødselsnummer for the first nine digits (both mod-11 check digits computed). */
function withCheckDigits(nine: string): string {
  const d = Array.from(nine, Number);
  const k = (digits: number[], w: number[]) => {
    const r = 11 - (w.reduce((s, x, i) => s + x * digits[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = k([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k1 === 10 || k2 === 10) throw new Error(`no valid number for ${nine}`);
  return `${nine}${k1}${k2}`;
}
const VALID_FNR = withCheckDigits("010190124"); // 1 January 1990

function errorsOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return fieldErrors(result.error as never);
}

describe("what step", () => {
  it("accepts one or several rights, in catalogue order without repeats", () => {
    expect(whatStepSchema.parse({ rights: ["rectification", "access", "access"] }).rights).toEqual(["access", "rectification"]);
  });
  it("refuses no right and unknown rights", () => {
    expect(errorsOf(whatStepSchema.safeParse({ rights: [] }))).toEqual({ rights: "validation.rights.required" });
    expect(errorsOf(whatStepSchema.safeParse({}))).toEqual({ rights: "validation.rights.required" });
    expect(errorsOf(whatStepSchema.safeParse({ rights: ["everything"] }))).toEqual({ rights: "validation.rights.required" });
  });
});

describe("details step", () => {
  const base = { unit: "", description: "" };
  it("access needs nothing more; the narrowing is optional", () => {
    expect(detailsStepSchema.safeParse({ rights: ["access"], ...base }).success).toBe(true);
    const parsed = detailsStepSchema.parse({ rights: ["access"], scopeService: " SFO ", scopePeriodFrom: "2024-01-01", scopePeriodTo: "2024-12-31" });
    expect(parsed.scopeService).toBe("SFO");
  });

  it.each([
    ["rectification", { incorrectData: "Adresse", correctData: "Ny adresse" }],
    ["erasure", { dataToErase: "Bilder", erasureGround: "b" }],
    ["restriction", { processingConcerned: "Deling", restrictionGround: "a" }],
    ["objection", { processingConcerned: "Utsending", directMarketing: "yes" }],
    ["objection", { processingConcerned: "Kamera", directMarketing: "no", objectionReasons: "Min situasjon" }],
    ["portability", { dataProvided: "Søknadsskjema" }],
  ])("accepts a complete %s", (right, fields) => {
    expect(detailsStepSchema.safeParse({ rights: [right], ...base, ...fields }).success).toBe(true);
  });

  it.each([
    ["rectification", {}, { incorrectData: "requestFlow.validation.incorrectData.required", correctData: "requestFlow.validation.correctData.required" }],
    ["erasure", {}, { dataToErase: "requestFlow.validation.dataToErase.required", erasureGround: "requestFlow.validation.erasureGround.required" }],
    ["restriction", {}, { processingConcerned: "requestFlow.validation.processingConcerned.required", restrictionGround: "requestFlow.validation.restrictionGround.required" }],
    ["objection", {}, { processingConcerned: "requestFlow.validation.processingConcerned.required", directMarketing: "requestFlow.validation.directMarketing.required" }],
    ["objection", { processingConcerned: "Kamera", directMarketing: "no" }, { objectionReasons: "requestFlow.validation.objectionReasons.required" }],
    ["portability", {}, { dataProvided: "requestFlow.validation.dataProvided.required" }],
  ])("refuses %s without its fields, with the right message keys", (right, fields, expected) => {
    expect(errorsOf(detailsStepSchema.safeParse({ rights: [right], ...base, ...fields }))).toEqual(expected);
  });

  it("objection to direct marketing needs no reasons (absolute, Art. 21(3))", () => {
    const parsed = detailsStepSchema.parse({ rights: ["objection"], processingConcerned: "Reklame", directMarketing: "yes" });
    expect(parsed.directMarketing).toBe(true);
  });

  it("several rights need the fields of each", () => {
    const errors = errorsOf(detailsStepSchema.safeParse({ rights: ["access", "rectification", "portability"], incorrectData: "x" }));
    expect(Object.keys(errors).sort()).toEqual(["correctData", "dataProvided"]);
  });

  it("refuses grounds outside Art. 17(1)/18(1), bad dates, a period backwards, bad units and over-long text", () => {
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["erasure"], dataToErase: "x", erasureGround: "z" }))).toEqual({
      erasureGround: "requestFlow.validation.erasureGround.required",
    });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["restriction"], processingConcerned: "x", restrictionGround: "e" }))).toEqual({
      restrictionGround: "requestFlow.validation.restrictionGround.required",
    });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["access"], scopePeriodFrom: "2024-02-30" }))).toEqual({
      scopePeriodFrom: "requestFlow.validation.date.invalid",
    });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["access"], scopePeriodFrom: "2024-05-01", scopePeriodTo: "2024-01-01" }))).toEqual({
      scopePeriodTo: "requestFlow.validation.scopePeriodTo.beforeFrom",
    });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["access"], unit: "../etc" }))).toEqual({ unit: "validation.unit.invalid" });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["rectification"], incorrectData: "x".repeat(2001), correctData: "y" }))).toEqual({
      incorrectData: "requestFlow.validation.text.tooLong",
    });
  });

  it("lists every error at once: a field error does not hide the fields a right requires", () => {
    // An unknown ground (a failed choice, which made zod skip the per-right check) next to missing fields.
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["rectification", "erasure"], incorrectData: "x".repeat(2001), erasureGround: "z" }))).toEqual({
      incorrectData: "requestFlow.validation.text.tooLong",
      correctData: "requestFlow.validation.correctData.required",
      dataToErase: "requestFlow.validation.dataToErase.required",
      erasureGround: "requestFlow.validation.erasureGround.required",
    });
    expect(errorsOf(detailsStepSchema.safeParse({ rights: ["objection"], directMarketing: "maybe" }))).toEqual({
      processingConcerned: "requestFlow.validation.processingConcerned.required",
      directMarketing: "requestFlow.validation.directMarketing.required",
    });
  });

  it("keeps only the answers that belong to the chosen rights", () => {
    const parsed = detailsStepSchema.parse({
      rights: ["rectification"],
      incorrectData: "a",
      correctData: "b",
      dataToErase: "left over from another right",
      scopeService: "SFO",
    });
    const { rights, unit, description, ...values } = parsed;
    void unit;
    void description;
    expect(detailsForRights(rights, values)).toEqual({ incorrectData: "a", correctData: "b", scopeService: "SFO" });
  });
});

describe("about step", () => {
  const schema = aboutStepSchema();
  const self = { name: "Kari Nordmann", onBehalfOf: "self", answerChannel: "digital", email: "kari@example.test" };

  it("accepts myself + digital, and a valid fødselsnummer typed with spaces", () => {
    expect(schema.safeParse(self).success).toBe(true);
    const parsed = schema.parse({ ...self, nationalId: `${VALID_FNR.slice(0, 6)} ${VALID_FNR.slice(6)}` });
    expect(parsed.nationalId).toBe(VALID_FNR);
  });

  it("refuses a fødselsnummer with a wrong check digit, or the wrong length", () => {
    const wrong = VALID_FNR.slice(0, 10) + String((Number(VALID_FNR[10]) + 1) % 10);
    expect(isValidNationalId(wrong)).toBe(false);
    expect(errorsOf(schema.safeParse({ ...self, nationalId: wrong }))).toEqual({ nationalId: "requestFlow.validation.nationalId.invalid" });
    expect(errorsOf(schema.safeParse({ ...self, nationalId: "1234" }))).toEqual({ nationalId: "requestFlow.validation.nationalId.invalid" });
  });

  it("requires the choices, the name and (unless answered by post) an e-mail", () => {
    // Every error at once, the e-mail too (zod skipped the cross-field check after a field error).
    expect(errorsOf(schema.safeParse({}))).toEqual({
      name: "validation.name.required",
      onBehalfOf: "requestFlow.validation.onBehalfOf.required",
      answerChannel: "requestFlow.validation.answerChannel.required",
      email: "validation.email.required",
    });
    expect(errorsOf(aboutStepSchema({ emailOptional: true }).safeParse({}))).toEqual({
      name: "validation.name.required",
      onBehalfOf: "requestFlow.validation.onBehalfOf.required",
      answerChannel: "requestFlow.validation.answerChannel.required",
    });
    expect(errorsOf(schema.safeParse({ ...self, email: "" }))).toEqual({ email: "validation.email.required" });
    expect(errorsOf(schema.safeParse({ ...self, email: "not-an-address" }))).toEqual({ email: "validation.email.invalid" });
    expect(aboutStepSchema({ emailOptional: true }).safeParse({ ...self, email: "" }).success).toBe(true);
  });

  it("on behalf of someone: the person's name and the declaration are required", () => {
    expect(errorsOf(schema.safeParse({ ...self, onBehalfOf: "child" }))).toEqual({
      subjectName: "requestFlow.validation.subjectName.required",
      declaration: "requestFlow.validation.declaration.required",
    });
    const ok = schema.parse({ ...self, onBehalfOf: "power_of_attorney", subjectName: "Ola", declaration: "on", subjectNationalId: VALID_FNR });
    expect(ok.declaration).toBe(true);
    expect(errorsOf(schema.safeParse({ ...self, onBehalfOf: "child", subjectName: "Ola", declaration: "on", subjectNationalId: "12345678901" }))).toEqual({
      subjectNationalId: "requestFlow.validation.subjectNationalId.invalid",
    });
  });

  it("lists every error at once: field errors and the on-behalf and e-mail checks together", () => {
    const errors = errorsOf(
      schema.safeParse({ name: "", nationalId: "123", onBehalfOf: "child", subjectNationalId: "12345678901", answerChannel: "digital", email: "" }),
    );
    expect(errors).toEqual({
      name: "validation.name.required",
      nationalId: "requestFlow.validation.nationalId.invalid",
      subjectName: "requestFlow.validation.subjectName.required",
      subjectNationalId: "requestFlow.validation.subjectNationalId.invalid",
      declaration: "requestFlow.validation.declaration.required",
      email: "validation.email.required",
    });
    // A postal address missing next to a bad e-mail address and no choice of person.
    expect(errorsOf(schema.safeParse({ name: "Kari", answerChannel: "paper", email: "x@" }))).toEqual({
      onBehalfOf: "requestFlow.validation.onBehalfOf.required",
      postalAddress: "requestFlow.validation.postalAddress.required",
      email: "validation.email.invalid",
    });
  });

  it("for myself, the hidden fields about another person are not checked", () => {
    expect(schema.safeParse({ ...self, subjectName: "", subjectNationalId: "12345678901" }).success).toBe(true);
    expect(schema.safeParse({ ...self, onBehalfOf: "" }).success).toBe(false);
  });

  it("on behalf of a child: the child must be under 16 on the day (by the birth date in the number)", () => {
    const today = "2026-12-02";
    const child = { ...self, onBehalfOf: "child", subjectName: "Ola", declaration: "on" };
    // Born in the 2000s: individual numbers 500-999; the first one with both check digits possible.
    const onDay = (birth: string) => {
      const [y, m, d] = birth.split("-");
      for (let individual = 500; ; individual++) {
        try {
          return withCheckDigits(`${d}${m}${y!.slice(2)}${individual}`);
        } catch {
          // no valid number with this individual number
        }
      }
    };
    const schemaOn = aboutStepSchema({ today });
    // Turns 16 tomorrow: still a child. Turned 16 today: asks for themselves.
    expect(schemaOn.safeParse({ ...child, subjectNationalId: onDay("2010-12-03") }).success).toBe(true);
    expect(errorsOf(schemaOn.safeParse({ ...child, subjectNationalId: onDay("2010-12-02") }))).toEqual({
      subjectNationalId: "requestFlow.validation.subjectNationalId.notChild",
    });
    // An adult through a power of attorney is fine; a child without a number too.
    expect(schemaOn.safeParse({ ...child, onBehalfOf: "power_of_attorney", subjectNationalId: onDay("1990-01-01") }).success).toBe(true);
    expect(schemaOn.safeParse({ ...child }).success).toBe(true);
    // The whole request (the JSON API) counts on the same day it is given, not the machine's.
    const request = { rights: ["access"], name: "Ola", email: "ola@example.test", submissionKey: "3c3859a4-1838-4b97-84dc-a1935c0b770e", onBehalfOf: "child", subjectName: "Per", declaration: true };
    expect(makeSubmitRequestSchema({ today }).safeParse({ ...request, subjectNationalId: onDay("2010-12-03") }).success).toBe(true);
    expect(errorsOf(makeSubmitRequestSchema({ today }).safeParse({ ...request, subjectNationalId: onDay("2010-12-02") }))).toEqual({
      subjectNationalId: "requestFlow.validation.subjectNationalId.notChild",
    });
    expect(makeSubmitRequestSchema({ today: "2026-12-01" }).safeParse({ ...request, subjectNationalId: onDay("2010-12-02") }).success).toBe(true);
  });

  it("paper answers need a postal address but no e-mail", () => {
    expect(errorsOf(schema.safeParse({ ...self, answerChannel: "paper", email: "" }))).toEqual({
      postalAddress: "requestFlow.validation.postalAddress.required",
    });
    expect(schema.safeParse({ ...self, answerChannel: "paper", email: "", postalAddress: "Gata 1\n5003 Bergen" }).success).toBe(true);
  });

  it("synthetic test numbers only when allowed", () => {
    const synthetic = "15859110190";
    expect(schema.safeParse({ ...self, nationalId: synthetic }).success).toBe(false);
    expect(aboutStepSchema({ allowSynthetic: true }).safeParse({ ...self, nationalId: synthetic }).success).toBe(true);
  });
});

describe("the whole request (JSON API)", () => {
  const minimal = { rights: ["access"], name: "Kari", email: "kari@example.test", submissionKey: crypto.randomUUID() };

  it("accepts the original minimal shape with defaults (myself, digital)", () => {
    const parsed = submitRequestSchema.parse(minimal);
    expect(parsed).toMatchObject({ onBehalfOf: "self", answerChannel: "digital", unit: "", description: "" });
  });

  it("accepts a full multi-right request with details, on behalf of a child, answered by post", () => {
    const parsed = submitRequestSchema.parse({
      ...minimal,
      rights: ["access", "rectification", "objection"],
      email: "",
      details: { incorrectData: "a", correctData: "b", processingConcerned: "c", directMarketing: true },
      onBehalfOf: "child",
      subjectName: "Lille Nordmann",
      subjectNationalId: "01011550076", // born 1 January 2015
      declaration: true,
      answerChannel: "paper",
      postalAddress: "Gata 1, 5003 Bergen",
    });
    expect(parsed.details?.directMarketing).toBe(true);
  });

  it("reports missing per-right details under details.<field>, and unknown detail keys", () => {
    expect(errorsOf(submitRequestSchema.safeParse({ ...minimal, rights: ["erasure"], details: { dataToErase: "x" } }))).toEqual({
      "details.erasureGround": "requestFlow.validation.erasureGround.required",
    });
    expect(errorsOf(submitRequestSchema.safeParse({ ...minimal, details: { evil: "x" } }))).toEqual({ details: "validation.form.invalid" });
  });

  it("keeps the old error keys for the old fields", () => {
    expect(errorsOf(submitRequestSchema.safeParse({ rights: ["not-a-right"], name: "", email: "x", unit: "../etc", submissionKey: "nope" }))).toMatchObject({
      rights: "validation.rights.required",
      name: "validation.name.required",
      email: "validation.email.invalid",
      unit: "validation.unit.invalid",
      submissionKey: "validation.form.expired",
    });
  });

  it("never throws on junk input", () => {
    for (const junk of [null, 1, "x", [], { rights: "access" }, { details: [] }, { details: "x" }, { onBehalfOf: 5, declaration: "yes" }, { rights: [5] }]) {
      expect(submitRequestSchema.safeParse(junk).success).toBe(false);
      expect(aboutStepSchema().safeParse(junk).success).toBe(false);
      expect(detailsStepSchema.safeParse(junk).success).toBe(false);
    }
  });
});

