/**
 * The rights catalogue (GDPR Art. 15-21) and the legal bases a decision may cite.
 *
 * No user-facing text lives here: titles, summaries, field labels and caseworker
 * notes are i18n keys. Legal citations (e.g. "GDPR art. 17(3)(b)") are not
 * translated: they are the same in bokmål, nynorsk and English.
 * See /work/shared/domain/legal-rules.md §2.
 */

export const RIGHTS = ["access", "rectification", "erasure", "restriction", "objection", "portability"] as const;
export type Right = (typeof RIGHTS)[number];

export function isRight(value: unknown): value is Right {
  return typeof value === "string" && (RIGHTS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// Grounds the requester picks in the form

/** GDPR Art. 17(1)(a)-(f): grounds for erasure. */
export const ERASURE_GROUNDS = ["a", "b", "c", "d", "e", "f"] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** GDPR Art. 18(1)(a)-(d): grounds for restriction. */
export const RESTRICTION_GROUNDS = ["a", "b", "c", "d"] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

export function erasureGroundCitation(ground: ErasureGround): string {
  return `GDPR art. 17(1)(${ground})`;
}
export function restrictionGroundCitation(ground: RestrictionGround): string {
  return `GDPR art. 18(1)(${ground})`;
}
/** i18n key of a ground's label, e.g. `rights.erasure.grounds.b`. */
export function groundI18nKey(right: "erasure" | "restriction", ground: ErasureGround | RestrictionGround): string {
  return `rights.${right}.grounds.${ground}`;
}

// ---------------------------------------------------------------------------
// Request fields per right

export const REQUEST_FIELDS = [
  // access (all optional: narrow the request to a service or period)
  "scopeService",
  "scopePeriodFrom",
  "scopePeriodTo",
  // rectification
  "incorrectData",
  "correctData",
  // erasure
  "dataToErase",
  "erasureGround",
  // restriction + objection
  "processingConcerned",
  "restrictionGround",
  // objection
  "objectionReasons",
  "directMarketing",
  // portability
  "dataProvided",
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export type RequestFieldSpec =
  | { name: RequestField; kind: "text"; required: boolean; requiredUnless?: { field: RequestField; equals: unknown } }
  | { name: RequestField; kind: "date"; required: boolean }
  | { name: RequestField; kind: "boolean"; required: boolean }
  | { name: RequestField; kind: "enum"; required: boolean; options: readonly string[] };

/** i18n key of a request field's label, e.g. `requestFields.incorrectData.label`. */
export function requestFieldI18nKey(field: RequestField, part: "label" | "help" = "label"): string {
  return `requestFields.${field}.${part}`;
}

export type GdprArticle = "15" | "16" | "17" | "18" | "20" | "21";

export interface RightDefinition {
  readonly right: Right;
  readonly gdprArticle: GdprArticle;
  /** e.g. "GDPR art. 15" */
  readonly citation: string;
  readonly titleKey: string;
  readonly summaryKey: string;
  /** Every field the form asks for this right, in display order (optional ones included). */
  readonly fields: readonly RequestFieldSpec[];
  /** Names of the fields the requester must fill in (see `missingRequestFields` for conditions). */
  readonly requiredFields: readonly RequestField[];
  /** i18n key of the guidance shown to the caseworker. */
  readonly notesForCaseworker: string;
  /** Art. 19: recipients must be told about rectification, erasure or restriction. */
  readonly notifyRecipientsArt19: boolean;
  /** Art. 20(3): portability does not apply to public-task processing (most municipal processing). */
  readonly oftenNotApplicableToPublicTask: boolean;
  /** What the caseworker can treat the request as when this right does not apply. */
  readonly fallbackRight: Right | null;
}

export function rightI18nKey(right: Right, part: "title" | "summary"): string {
  return `rights.${right}.${part}`;
}

function define(
  right: Right,
  gdprArticle: GdprArticle,
  fields: readonly RequestFieldSpec[],
  extra: Partial<Pick<RightDefinition, "notifyRecipientsArt19" | "oftenNotApplicableToPublicTask" | "fallbackRight">> = {},
): RightDefinition {
  return {
    right,
    gdprArticle,
    citation: `GDPR art. ${gdprArticle}`,
    titleKey: rightI18nKey(right, "title"),
    summaryKey: rightI18nKey(right, "summary"),
    fields,
    requiredFields: fields.filter((f) => f.required).map((f) => f.name),
    notesForCaseworker: `rights.${right}.caseworkerNotes`,
    notifyRecipientsArt19: extra.notifyRecipientsArt19 ?? false,
    oftenNotApplicableToPublicTask: extra.oftenNotApplicableToPublicTask ?? false,
    fallbackRight: extra.fallbackRight ?? null,
  };
}

export const RIGHTS_CATALOGUE: Readonly<Record<Right, RightDefinition>> = {
  // Art. 15: nothing beyond identity; may narrow to a service or a period.
  access: define("access", "15", [
    { name: "scopeService", kind: "text", required: false },
    { name: "scopePeriodFrom", kind: "date", required: false },
    { name: "scopePeriodTo", kind: "date", required: false },
  ]),
  // Art. 16: which data is wrong and what is right.
  rectification: define(
    "rectification",
    "16",
    [
      { name: "incorrectData", kind: "text", required: true },
      { name: "correctData", kind: "text", required: true },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 17: which data, and the 17(1) ground.
  erasure: define(
    "erasure",
    "17",
    [
      { name: "dataToErase", kind: "text", required: true },
      { name: "erasureGround", kind: "enum", required: true, options: ERASURE_GROUNDS },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 18: which processing, and the 18(1) ground.
  restriction: define(
    "restriction",
    "18",
    [
      { name: "processingConcerned", kind: "text", required: true },
      { name: "restrictionGround", kind: "enum", required: true, options: RESTRICTION_GROUNDS },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 21: which processing and the reasons tied to the person's situation (21(1));
  // an objection to direct marketing (21(2)-(3)) is absolute and needs no reasons.
  objection: define("objection", "21", [
    { name: "processingConcerned", kind: "text", required: true },
    {
      name: "objectionReasons",
      kind: "text",
      required: true,
      requiredUnless: { field: "directMarketing", equals: true },
    },
    { name: "directMarketing", kind: "boolean", required: true },
  ]),
  // Art. 20: which data they provided. 20(3): not for public-task processing,
  // so the caseworker can answer it as an access request.
  portability: define("portability", "20", [{ name: "dataProvided", kind: "text", required: true }], {
    oftenNotApplicableToPublicTask: true,
    fallbackRight: "access",
  }),
};

export function rightDefinition(right: Right): RightDefinition {
  return RIGHTS_CATALOGUE[right];
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Whether `values` holds a valid answer to `field` (of `right`): a boolean, an offered option, a text. */
function isAnswered(right: Right, field: RequestField, values: Readonly<Record<string, unknown>>): boolean {
  const spec = RIGHTS_CATALOGUE[right].fields.find((f) => f.name === field);
  const value = values[field];
  if (!spec) return !isBlank(value);
  if (spec.kind === "boolean") return typeof value === "boolean";
  if (spec.kind === "enum") return typeof value === "string" && spec.options.includes(value);
  return !isBlank(value);
}

/**
 * The required fields of `right` that `values` leaves empty or invalid
 * (enum values outside the options, non-boolean booleans). Empty array = complete.
 */
export function missingRequestFields(right: Right, values: Readonly<Record<string, unknown>>): RequestField[] {
  const missing: RequestField[] = [];
  for (const spec of RIGHTS_CATALOGUE[right].fields) {
    if (!spec.required) continue;
    const value = values[spec.name];
    switch (spec.kind) {
      case "text":
        // Needed unless another answer says otherwise: not asked for while that answer is missing
        // (it is reported itself), nor when it says so.
        if (spec.requiredUnless && (!isAnswered(right, spec.requiredUnless.field, values) || values[spec.requiredUnless.field] === spec.requiredUnless.equals)) break;
        if (isBlank(value)) missing.push(spec.name);
        break;
      case "boolean":
        if (typeof value !== "boolean") missing.push(spec.name);
        break;
      case "enum":
        if (typeof value !== "string" || !spec.options.includes(value)) missing.push(spec.name);
        break;
      case "date":
        if (isBlank(value)) missing.push(spec.name);
        break;
    }
  }
  return missing;
}

// ---------------------------------------------------------------------------
// Legal bases a (partial) refusal may cite (GDPR Art. 12(4): reasons + legal basis)

export const LEGAL_BASIS_IDS = [
  // personopplysningsloven § 16 første ledd bokstav a-f: exceptions from the right of access
  "popplyl-16-a",
  "popplyl-16-b",
  "popplyl-16-c",
  "popplyl-16-d",
  "popplyl-16-e",
  "popplyl-16-f",
  // access: rights and freedoms of others (redaction of third-party data)
  "gdpr-15-4",
  // rectification: the data is accurate (nothing to rectify)
  "gdpr-16-accurate",
  // erasure: no 17(1) ground applies
  "gdpr-17-1-not-met",
  // erasure exemptions
  "gdpr-17-3-a",
  "gdpr-17-3-b",
  "gdpr-17-3-c",
  "gdpr-17-3-d",
  "gdpr-17-3-e",
  // restriction: no 18(1) ground applies
  "gdpr-18-1-not-met",
  // portability
  "gdpr-20-1-not-met",
  "gdpr-20-3",
  "gdpr-20-4",
  // objection
  "gdpr-21-1-not-6-1-e-f",
  "gdpr-21-1-compelling",
  "gdpr-21-1-legal-claims",
  // any right
  "gdpr-12-5",
  "gdpr-11-2",
] as const;
export type LegalBasisId = (typeof LEGAL_BASIS_IDS)[number];

export interface LegalBasis {
  readonly id: LegalBasisId;
  /** Short citation printed in the decision letter, e.g. "GDPR art. 17(3)(b)". */
  readonly citation: string;
  readonly rights: readonly Right[];
  /** i18n key of a one-line explanation, e.g. `legalBases.gdpr-17-3-b.summary`. */
  readonly summaryKey: string;
}

const ALL: readonly Right[] = RIGHTS;

function basis(id: LegalBasisId, citation: string, rights: readonly Right[]): LegalBasis {
  return { id, citation, rights, summaryKey: `legalBases.${id}.summary` };
}

const popplyl16 = (letter: string) => `personopplysningsloven § 16 første ledd bokstav ${letter}`;

export const LEGAL_BASES: Readonly<Record<LegalBasisId, LegalBasis>> = {
  "popplyl-16-a": basis("popplyl-16-a", popplyl16("a"), ["access"]),
  "popplyl-16-b": basis("popplyl-16-b", popplyl16("b"), ["access"]),
  "popplyl-16-c": basis("popplyl-16-c", popplyl16("c"), ["access"]),
  "popplyl-16-d": basis("popplyl-16-d", popplyl16("d"), ["access"]),
  "popplyl-16-e": basis("popplyl-16-e", popplyl16("e"), ["access"]),
  "popplyl-16-f": basis("popplyl-16-f", popplyl16("f"), ["access"]),
  "gdpr-15-4": basis("gdpr-15-4", "GDPR art. 15(4)", ["access"]),
  "gdpr-16-accurate": basis("gdpr-16-accurate", "GDPR art. 16", ["rectification"]),
  "gdpr-17-1-not-met": basis("gdpr-17-1-not-met", "GDPR art. 17(1)", ["erasure"]),
  "gdpr-17-3-a": basis("gdpr-17-3-a", "GDPR art. 17(3)(a)", ["erasure"]),
  "gdpr-17-3-b": basis("gdpr-17-3-b", "GDPR art. 17(3)(b)", ["erasure"]),
  "gdpr-17-3-c": basis("gdpr-17-3-c", "GDPR art. 17(3)(c)", ["erasure"]),
  "gdpr-17-3-d": basis("gdpr-17-3-d", "GDPR art. 17(3)(d)", ["erasure"]),
  "gdpr-17-3-e": basis("gdpr-17-3-e", "GDPR art. 17(3)(e)", ["erasure"]),
  "gdpr-18-1-not-met": basis("gdpr-18-1-not-met", "GDPR art. 18(1)", ["restriction"]),
  "gdpr-20-1-not-met": basis("gdpr-20-1-not-met", "GDPR art. 20(1)", ["portability"]),
  "gdpr-20-3": basis("gdpr-20-3", "GDPR art. 20(3)", ["portability"]),
  "gdpr-20-4": basis("gdpr-20-4", "GDPR art. 20(4)", ["portability"]),
  "gdpr-21-1-not-6-1-e-f": basis("gdpr-21-1-not-6-1-e-f", "GDPR art. 21(1)", ["objection"]),
  "gdpr-21-1-compelling": basis("gdpr-21-1-compelling", "GDPR art. 21(1)", ["objection"]),
  "gdpr-21-1-legal-claims": basis("gdpr-21-1-legal-claims", "GDPR art. 21(1)", ["objection"]),
  "gdpr-12-5": basis("gdpr-12-5", "GDPR art. 12(5)", ALL),
  "gdpr-11-2": basis("gdpr-11-2", "GDPR art. 11(2)", ALL),
};

export function isLegalBasisId(value: unknown): value is LegalBasisId {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(LEGAL_BASES, value);
}

/** The legal bases a decision on `right` may cite, in catalogue order. */
export function legalBasesFor(right: Right): LegalBasis[] {
  return LEGAL_BASIS_IDS.map((id) => LEGAL_BASES[id]).filter((b) => b.rights.includes(right));
}

export function isLegalBasisValidFor(id: string, right: Right): boolean {
  return isLegalBasisId(id) && LEGAL_BASES[id].rights.includes(right);
}
