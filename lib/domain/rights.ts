/**
 * The rights catalogue (GDPR Art. 15-21) and the legal bases a decision may cite.
 *
 * No user-facing text lives here: titles, summaries, field labels and caseworker
 * notes are i18n keys. Legal citations (e.g. "GDPR art. 17(3)(b)") are not
 * translated: they are the same in bokmål, nynorsk and English.
 * See /work/shared/domain/legal-rules.md §2.
 */
import { isValidIsoDate } from "./calendar";

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

// ---------------------------------------------------------------------------
// Request fields: what each answer is. The schema (request-schema.ts), the stored details
// (stored-details.ts), the details form, the summary and the staff "Henvendelsen" section are all
// built from this table and the rights' field lists below: a new field is one entry here, one in a
// right's list, and its texts (requestFlow.fields.<field>, requestFlow.validation.<field>.required,
// requestDetails.fields.<field>; options under …options.<option> and requestDetails.fieldOptions).

export type RequestFieldType =
  /** Free text, at most `maxLength` characters; `multiline` = a text area. */
  | { readonly kind: "text"; readonly maxLength: number; readonly multiline: boolean }
  | { readonly kind: "date" }
  /** Yes/no (the form posts "yes"/"no", the JSON API a boolean). */
  | { readonly kind: "boolean" }
  /** One of `options`; `citation` is the article the options are the points of (e.g. "GDPR art. 17(1)"). */
  | { readonly kind: "enum"; readonly options: readonly [string, ...string[]]; readonly citation?: string };

/** Longest answer to a free-text field of a right (a short service name: `SERVICE_MAX_LENGTH`). */
export const DETAIL_TEXT_MAX_LENGTH = 2000;
export const SERVICE_MAX_LENGTH = 200;

const longText = { kind: "text", maxLength: DETAIL_TEXT_MAX_LENGTH, multiline: true } as const;

export const REQUEST_FIELD_TYPES = {
  // the narrowing (any right, optional): a service, a period
  scopeService: { kind: "text", maxLength: SERVICE_MAX_LENGTH, multiline: false },
  scopePeriodFrom: { kind: "date" },
  scopePeriodTo: { kind: "date" },
  // rectification
  incorrectData: longText,
  correctData: longText,
  // erasure
  dataToErase: longText,
  erasureGround: { kind: "enum", options: ERASURE_GROUNDS, citation: "GDPR art. 17(1)" },
  // restriction + objection
  processingConcerned: longText,
  restrictionGround: { kind: "enum", options: RESTRICTION_GROUNDS, citation: "GDPR art. 18(1)" },
  // objection
  directMarketing: { kind: "boolean" },
  objectionReasons: longText,
  // portability
  dataProvided: longText,
} as const satisfies Record<string, RequestFieldType>;

export type RequestField = keyof typeof REQUEST_FIELD_TYPES;
export const REQUEST_FIELDS = Object.keys(REQUEST_FIELD_TYPES) as RequestField[];

/** The fields that narrow any request (all optional), asked once after the rights' own fields. */
export const NARROWING_FIELDS = ["scopeService", "scopePeriodFrom", "scopePeriodTo"] as const satisfies readonly RequestField[];
export type NarrowingField = (typeof NARROWING_FIELDS)[number];
/** A field a right asks for itself (not one of the narrowing fields). */
export type RightField = Exclude<RequestField, NarrowingField>;

/** The fields of a kind, e.g. `FieldOfKind<"enum">` = "erasureGround" | "restrictionGround". */
export type FieldOfKind<K extends RequestFieldType["kind"]> = {
  [F in RequestField]: (typeof REQUEST_FIELD_TYPES)[F]["kind"] extends K ? F : never;
}[RequestField];
/** The options of an enum field; "yes" | "no" for a boolean one (their texts sit under those names). */
export type FieldOption<F extends RequestField> = (typeof REQUEST_FIELD_TYPES)[F] extends { kind: "enum"; options: readonly (infer O)[] }
  ? O
  : (typeof REQUEST_FIELD_TYPES)[F] extends { kind: "boolean" }
    ? "yes" | "no"
    : never;

export function requestFieldType(field: RequestField): RequestFieldType {
  return REQUEST_FIELD_TYPES[field];
}

/** The article point an option stands for, e.g. "GDPR art. 17(1)(b)"; null when the field has none. */
export function optionCitation(field: RequestField, option: string): string | null {
  const type = requestFieldType(field);
  return type.kind === "enum" && type.citation && (type.options as readonly string[]).includes(option) ? `${type.citation}(${option})` : null;
}

/** One field as a right asks for it. */
export type RequestFieldSpec = {
  readonly name: RightField;
  readonly required: boolean;
  /**
   * Not needed (not asked for, not kept, not shown) when another answer says so: an objection to
   * direct marketing needs no reasons (Art. 21(3)).
   */
  readonly requiredUnless?: { readonly field: RightField; readonly equals: string | boolean };
};

export type GdprArticle = "15" | "16" | "17" | "18" | "20" | "21";

export interface RightDefinition {
  readonly right: Right;
  readonly gdprArticle: GdprArticle;
  /** e.g. "GDPR art. 15" */
  readonly citation: string;
  readonly titleKey: string;
  readonly summaryKey: string;
  /** The fields the form asks for this right, in display order (the narrowing fields come after, for any right). */
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
  // Art. 15: nothing beyond identity (the narrowing fields may narrow it to a service or a period).
  access: define("access", "15", []),
  // Art. 16: which data is wrong and what is right.
  rectification: define(
    "rectification",
    "16",
    [
      { name: "incorrectData", required: true },
      { name: "correctData", required: true },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 17: which data, and the 17(1) ground.
  erasure: define(
    "erasure",
    "17",
    [
      { name: "dataToErase", required: true },
      { name: "erasureGround", required: true },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 18: which processing, and the 18(1) ground.
  restriction: define(
    "restriction",
    "18",
    [
      { name: "processingConcerned", required: true },
      { name: "restrictionGround", required: true },
    ],
    { notifyRecipientsArt19: true },
  ),
  // Art. 21: which processing and the reasons tied to the person's situation (21(1)); an objection
  // to direct marketing (21(2)-(3)) is absolute and needs no reasons, so that question comes first.
  objection: define("objection", "21", [
    { name: "processingConcerned", required: true },
    { name: "directMarketing", required: true },
    { name: "objectionReasons", required: true, requiredUnless: { field: "directMarketing", equals: true } },
  ]),
  // Art. 20: which data they provided. 20(3): not for public-task processing,
  // so the caseworker can answer it as an access request.
  portability: define("portability", "20", [{ name: "dataProvided", required: true }], {
    oftenNotApplicableToPublicTask: true,
    fallbackRight: "access",
  }),
};

export function rightDefinition(right: Right): RightDefinition {
  return RIGHTS_CATALOGUE[right];
}

/** Whether `values` holds a valid answer to `field`: a boolean, an offered option, a valid date, a text. */
export function isAnswered(field: RequestField, values: Readonly<Record<string, unknown>>): boolean {
  const type = requestFieldType(field);
  const value = values[field];
  switch (type.kind) {
    case "boolean":
      return typeof value === "boolean";
    case "enum":
      return typeof value === "string" && (type.options as readonly string[]).includes(value);
    case "date":
      return typeof value === "string" && isValidIsoDate(value);
    case "text":
      return typeof value === "string" && value.trim() !== "";
  }
}

/** Whether another answer makes `spec` unnecessary (see `requiredUnless`). */
export function isNotNeeded(spec: RequestFieldSpec, values: Readonly<Record<string, unknown>>): boolean {
  return spec.requiredUnless !== undefined && values[spec.requiredUnless.field] === spec.requiredUnless.equals;
}

/**
 * The fields `rights` ask for, per chosen right in catalogue order, each field once: a field two
 * rights share (the processing concerned) is asked under the first. With `values`, without the
 * fields another answer makes unnecessary.
 */
export function fieldsByRight(
  rights: readonly Right[],
  values?: Readonly<Record<string, unknown>>,
): { right: Right; fields: RequestFieldSpec[] }[] {
  const seen = new Set<RequestField>();
  return RIGHTS.filter((right) => rights.includes(right)).map((right) => ({
    right,
    fields: RIGHTS_CATALOGUE[right].fields.filter((spec) => {
      if (seen.has(spec.name) || (values && isNotNeeded(spec, values))) return false;
      seen.add(spec.name);
      return true;
    }),
  }));
}

/** `fieldsByRight` as one list, in the same order. */
export function fieldsForRights(rights: readonly Right[], values?: Readonly<Record<string, unknown>>): RequestFieldSpec[] {
  return fieldsByRight(rights, values).flatMap((group) => group.fields);
}

/**
 * The required fields of `right` that `values` leaves empty or invalid
 * (enum values outside the options, non-boolean booleans). Empty array = complete.
 */
export function missingRequestFields(right: Right, values: Readonly<Record<string, unknown>>): RequestField[] {
  const missing: RequestField[] = [];
  for (const spec of RIGHTS_CATALOGUE[right].fields) {
    if (!spec.required) continue;
    // Needed unless another answer says otherwise: not asked for while that answer is missing (it
    // is reported itself), nor when it says so.
    if (spec.requiredUnless && (!isAnswered(spec.requiredUnless.field, values) || isNotNeeded(spec, values))) continue;
    if (!isAnswered(spec.name, values)) missing.push(spec.name);
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
