import { describe, expect, it } from "vitest";
import {
  ERASURE_GROUNDS,
  LEGAL_BASES,
  LEGAL_BASIS_IDS,
  RESTRICTION_GROUNDS,
  RIGHTS,
  RIGHTS_CATALOGUE,
  erasureGroundCitation,
  isLegalBasisValidFor,
  isRight,
  legalBasesFor,
  fieldsByRight,
  fieldsForRights,
  missingRequestFields,
  NARROWING_FIELDS,
  optionCitation,
  REQUEST_FIELD_TYPES,
  restrictionGroundCitation,
  rightI18nKey,
  type Right,
} from "@/lib/domain/rights";

describe("rights catalogue", () => {
  it("lists the six rights in order", () => {
    expect(RIGHTS).toEqual(["access", "rectification", "erasure", "restriction", "objection", "portability"]);
    expect(Object.keys(RIGHTS_CATALOGUE)).toEqual([...RIGHTS]);
    expect(isRight("erasure")).toBe(true);
    expect(isRight("innsyn")).toBe(false);
  });

  it("maps each right to its GDPR article", () => {
    const articles = Object.fromEntries(RIGHTS.map((r) => [r, RIGHTS_CATALOGUE[r].gdprArticle]));
    expect(articles).toEqual({
      access: "15",
      rectification: "16",
      erasure: "17",
      restriction: "18",
      objection: "21",
      portability: "20",
    });
    expect(Object.fromEntries(RIGHTS.map((r) => [r, RIGHTS_CATALOGUE[r].citation]))).toEqual({
      access: "GDPR art. 15",
      rectification: "GDPR art. 16",
      erasure: "GDPR art. 17",
      restriction: "GDPR art. 18",
      objection: "GDPR art. 21",
      portability: "GDPR art. 20",
    });
  });

  it("uses i18n keys, not text", () => {
    expect(rightI18nKey("access", "title")).toBe("rights.access.title");
    expect(rightI18nKey("portability", "summary")).toBe("rights.portability.summary");
    for (const r of RIGHTS) {
      const d = RIGHTS_CATALOGUE[r];
      expect(d.titleKey).toBe(`rights.${r}.title`);
      expect(d.summaryKey).toBe(`rights.${r}.summary`);
      expect(d.notesForCaseworker).toBe(`rights.${r}.caseworkerNotes`);
    }
  });

  it("lists the required request fields per right (legal-rules §2)", () => {
    const required = Object.fromEntries(RIGHTS.map((r) => [r, RIGHTS_CATALOGUE[r].requiredFields]));
    expect(required).toEqual({
      access: [],
      rectification: ["incorrectData", "correctData"],
      erasure: ["dataToErase", "erasureGround"],
      restriction: ["processingConcerned", "restrictionGround"],
      // Whether it is about direct marketing first: it decides whether reasons are needed.
      objection: ["processingConcerned", "directMarketing", "objectionReasons"],
      portability: ["dataProvided"],
    });
    // Access asks for nothing of its own; the narrowing fields are for any right.
    expect(RIGHTS_CATALOGUE.access.fields).toEqual([]);
    expect(NARROWING_FIELDS).toEqual(["scopeService", "scopePeriodFrom", "scopePeriodTo"]);
    for (const right of RIGHTS) {
      for (const spec of RIGHTS_CATALOGUE[right].fields) expect(NARROWING_FIELDS as readonly string[]).not.toContain(spec.name);
    }
  });

  it("offers the 17(1)(a)-(f) and 18(1)(a)-(d) grounds", () => {
    expect(ERASURE_GROUNDS).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(RESTRICTION_GROUNDS).toEqual(["a", "b", "c", "d"]);
    expect(erasureGroundCitation("f")).toBe("GDPR art. 17(1)(f)");
    expect(restrictionGroundCitation("a")).toBe("GDPR art. 18(1)(a)");
    expect(REQUEST_FIELD_TYPES.erasureGround).toEqual({ kind: "enum", options: ["a", "b", "c", "d", "e", "f"], citation: "GDPR art. 17(1)" });
    expect(REQUEST_FIELD_TYPES.restrictionGround).toEqual({ kind: "enum", options: ["a", "b", "c", "d"], citation: "GDPR art. 18(1)" });
    // The option's citation is the same as the one the letters print.
    for (const g of ERASURE_GROUNDS) expect(optionCitation("erasureGround", g)).toBe(erasureGroundCitation(g));
    for (const g of RESTRICTION_GROUNDS) expect(optionCitation("restrictionGround", g)).toBe(restrictionGroundCitation(g));
    expect(optionCitation("erasureGround", "x")).toBeNull();
    expect(optionCitation("directMarketing", "yes")).toBeNull();
  });

  it("flags Art. 19 notification for rectification, erasure and restriction only", () => {
    expect(RIGHTS.filter((r) => RIGHTS_CATALOGUE[r].notifyRecipientsArt19)).toEqual([
      "rectification",
      "erasure",
      "restriction",
    ]);
  });

  it("marks portability as often out of scope for public tasks, falling back to access", () => {
    expect(RIGHTS.filter((r) => RIGHTS_CATALOGUE[r].oftenNotApplicableToPublicTask)).toEqual(["portability"]);
    expect(RIGHTS_CATALOGUE.portability.fallbackRight).toBe("access");
    expect(RIGHTS.filter((r) => RIGHTS_CATALOGUE[r].fallbackRight !== null)).toEqual(["portability"]);
  });
});

describe("missingRequestFields", () => {
  it("access needs nothing", () => {
    expect(missingRequestFields("access", {})).toEqual([]);
  });

  it("reports blank text and invalid enum values", () => {
    expect(missingRequestFields("rectification", { incorrectData: "  ", correctData: "Ny adresse" })).toEqual([
      "incorrectData",
    ]);
    expect(missingRequestFields("erasure", { dataToErase: "Bilde", erasureGround: "g" })).toEqual(["erasureGround"]);
    expect(missingRequestFields("erasure", { dataToErase: "Bilde", erasureGround: "b" })).toEqual([]);
    expect(missingRequestFields("restriction", {})).toEqual(["processingConcerned", "restrictionGround"]);
    expect(missingRequestFields("portability", { dataProvided: "Søknadsskjema" })).toEqual([]);
  });

  it("objection: reasons are required unless it is about direct marketing (absolute right)", () => {
    expect(missingRequestFields("objection", { processingConcerned: "Nyhetsbrev", directMarketing: true })).toEqual([]);
    expect(missingRequestFields("objection", { processingConcerned: "Kameraovervåking", directMarketing: false })).toEqual([
      "objectionReasons",
    ]);
    expect(missingRequestFields("objection", { processingConcerned: "X", objectionReasons: "Y" })).toEqual([
      "directMarketing",
    ]);
  });
});

describe("fieldsByRight", () => {
  it("asks a field two chosen rights share once, under the first", () => {
    expect(fieldsByRight(["objection", "restriction"]).map((g) => [g.right, g.fields.map((f) => f.name)])).toEqual([
      ["restriction", ["processingConcerned", "restrictionGround"]],
      ["objection", ["directMarketing", "objectionReasons"]],
    ]);
    expect(fieldsByRight(["objection"]).map((g) => g.fields.map((f) => f.name))).toEqual([["processingConcerned", "directMarketing", "objectionReasons"]]);
    expect(fieldsByRight(["access"])).toEqual([{ right: "access", fields: [] }]);
  });

  it("leaves out what another answer makes unnecessary, only when given the answers", () => {
    const names = (values?: Record<string, unknown>) => fieldsForRights(["objection"], values).map((f) => f.name);
    expect(names()).toEqual(["processingConcerned", "directMarketing", "objectionReasons"]);
    expect(names({ directMarketing: false })).toEqual(["processingConcerned", "directMarketing", "objectionReasons"]);
    expect(names({ directMarketing: true })).toEqual(["processingConcerned", "directMarketing"]);
  });

  it("every right's field has a type, and every field belongs to a right or the narrowing", () => {
    const used = new Set<string>([...NARROWING_FIELDS, ...RIGHTS.flatMap((r) => RIGHTS_CATALOGUE[r].fields.map((f) => f.name))]);
    expect([...used].sort()).toEqual(Object.keys(REQUEST_FIELD_TYPES).sort());
  });
});

describe("legal bases", () => {
  it("has an entry per id with a matching id field", () => {
    expect(Object.keys(LEGAL_BASES).sort()).toEqual([...LEGAL_BASIS_IDS].sort());
    // No id twice (the bases per right are listed literally below).
    expect(LEGAL_BASIS_IDS).toHaveLength(new Set(LEGAL_BASIS_IDS).size);
    for (const id of LEGAL_BASIS_IDS) {
      expect(LEGAL_BASES[id].id).toBe(id);
      expect(LEGAL_BASES[id].rights.length).toBeGreaterThan(0);
      expect(LEGAL_BASES[id].summaryKey).toBe(`legalBases.${id}.summary`);
    }
  });

  it("cites the law precisely", () => {
    expect(LEGAL_BASES["popplyl-16-c"].citation).toBe("personopplysningsloven § 16 første ledd bokstav c");
    expect(LEGAL_BASES["gdpr-17-3-b"].citation).toBe("GDPR art. 17(3)(b)");
    expect(LEGAL_BASES["gdpr-12-5"].citation).toBe("GDPR art. 12(5)");
    expect(LEGAL_BASES["gdpr-20-3"].citation).toBe("GDPR art. 20(3)");
    expect(LEGAL_BASES["gdpr-11-2"].citation).toBe("GDPR art. 11(2)");
    expect(LEGAL_BASES["gdpr-21-1-compelling"].citation).toBe("GDPR art. 21(1)");
  });

  const ids = (right: Right) => legalBasesFor(right).map((b) => b.id);

  it("gives each right its own bases plus 12(5) and 11(2)", () => {
    expect(ids("access")).toEqual([
      "popplyl-16-a",
      "popplyl-16-b",
      "popplyl-16-c",
      "popplyl-16-d",
      "popplyl-16-e",
      "popplyl-16-f",
      "gdpr-15-4",
      "gdpr-12-5",
      "gdpr-11-2",
    ]);
    expect(ids("rectification")).toEqual(["gdpr-16-accurate", "gdpr-12-5", "gdpr-11-2"]);
    expect(ids("erasure")).toEqual([
      "gdpr-17-1-not-met",
      "gdpr-17-3-a",
      "gdpr-17-3-b",
      "gdpr-17-3-c",
      "gdpr-17-3-d",
      "gdpr-17-3-e",
      "gdpr-12-5",
      "gdpr-11-2",
    ]);
    expect(ids("restriction")).toEqual(["gdpr-18-1-not-met", "gdpr-12-5", "gdpr-11-2"]);
    expect(ids("objection")).toEqual([
      "gdpr-21-1-not-6-1-e-f",
      "gdpr-21-1-compelling",
      "gdpr-21-1-legal-claims",
      "gdpr-12-5",
      "gdpr-11-2",
    ]);
    expect(ids("portability")).toEqual(["gdpr-20-1-not-met", "gdpr-20-3", "gdpr-20-4", "gdpr-12-5", "gdpr-11-2"]);
  });

  it("checks validity per right", () => {
    expect(isLegalBasisValidFor("gdpr-17-3-b", "erasure")).toBe(true);
    expect(isLegalBasisValidFor("gdpr-17-3-b", "access")).toBe(false);
    expect(isLegalBasisValidFor("popplyl-16-a", "access")).toBe(true);
    expect(isLegalBasisValidFor("gdpr-12-5", "portability")).toBe(true);
    expect(isLegalBasisValidFor("toString", "access")).toBe(false);
    expect(isLegalBasisValidFor("", "access")).toBe(false);
  });
});
