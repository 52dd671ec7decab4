// The schemas for a citizen's request, shared by the browser (the step forms, components/request) and
// the server (the step server actions, the JSON API and the submit service). Written with zod's
// smaller `zod/mini` build (functions instead of methods, the same parser core): the form pages load
// this file, and the classic build's method chains cost the browser about 20 KB more. Error messages are i18n keys:
// "validation.*" (core catalogue) or "requestFlow.validation.*" (this feature's catalogue).
//
// The flow has four steps, each with its own schema (what, details, about; summary only sends), and
// `submitRequestSchema` is the whole request in one object (JSON API, and what the submit service takes).
import * as z from "zod/mini";
import {
  DETAIL_TEXT_MAX_LENGTH,
  fieldsForRights,
  missingRequestFields,
  NARROWING_FIELDS,
  REQUEST_FIELD_TYPES,
  REQUEST_FIELDS,
  RIGHTS,
  SERVICE_MAX_LENGTH,
  type RequestField,
  type Right,
  type RightField,
} from "@/lib/domain/rights";
import { isValidIsoDate, osloDateOf } from "@/lib/domain/calendar";
import { ageOn, birthDateOfNationalId, isValidNationalId, normaliseNationalId } from "@/lib/domain/national-id";
import { isPlainText, NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { normaliseSubmissionKey } from "@/lib/domain/submission-key";

// zod compiles object parsers with `new Function` unless told not to; in the browser that is an
// eval the page's Content-Security-Policy refuses (and reports). The same schema runs in the form.
z.config({ jitless: true });

export const REQUEST_LIMITS = {
  name: 200,
  email: 254,
  description: 5000,
  detailText: DETAIL_TEXT_MAX_LENGTH,
  postalAddress: 500,
  service: SERVICE_MAX_LENGTH,
} as const;

const V = "requestFlow.validation";

/**
 * For the cross-field checks (superRefine): run them even when a field already failed. zod skips a
 * refinement after any field error by default, so an empty form listed "name required" but not
 * "e-mail required"; the error summary must list every error at once (WCAG 3.3.1). The checks then
 * see the raw input of the failed fields, so they compare with known values only (never when the
 * input is not an object at all).
 */
const ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
} as const;

export const rightEnum = z.enum(RIGHTS, { error: "validation.rights.required" });

/** A list of rights: at least one, each at most once (kept in catalogue order). */
export const rightsSchema = z.pipe(
  z.array(rightEnum, { error: "validation.rights.required" }).check(z.minLength(1, "validation.rights.required"), z.maxLength(RIGHTS.length)),
  z.transform((rights: Right[]) => RIGHTS.filter((r) => rights.includes(r))),
);

function optionalText(max: number, tooLong: string) {
  return z.pipe(
    z._default(z.optional(z.string({ error: "validation.form.invalid" }).check(z.maxLength(max, tooLong), z.regex(NO_CONTROL_CHARS, "validation.form.invalid"))), ""),
    z.transform((v: string) => v.trim()),
  );
}

const optionalDate = z
  ._default(z.optional(z.string({ error: "validation.form.invalid" })), "")
  .check(z.refine((v: string) => v === "" || isValidIsoDate(v), `${V}.date.invalid`));

/** "" (not chosen) or one of the options. */
function optionalChoice<const T extends readonly [string, ...string[]]>(options: T, invalid: string) {
  return z.pipe(
    z._default(z.optional(z.union([z.enum(options), z.literal(""), z.null()], { error: invalid })), ""),
    z.transform((v: T[number] | "" | null) => v ?? ""),
  );
}

/** Yes/no as the form posts it ("yes"/"no"), or a boolean from the JSON API; "" = not answered. */
function yesNo(invalid: string) {
  return z.pipe(
    z._default(z.optional(z.union([z.boolean(), z.enum(["yes", "no"]), z.literal(""), z.null()], { error: invalid })), ""),
    z.transform((v: boolean | "yes" | "no" | "" | null) => (v === "" || v === null ? undefined : v === true || v === "yes")),
  );
}

type FieldTypes = typeof REQUEST_FIELD_TYPES;
/** The parser of one field, by its type in the catalogue. */
type FieldSchema<F extends RequestField> = FieldTypes[F] extends { kind: "text" }
  ? ReturnType<typeof optionalText>
  : FieldTypes[F] extends { kind: "date" }
    ? typeof optionalDate
    : FieldTypes[F] extends { kind: "boolean" }
      ? ReturnType<typeof yesNo>
      : FieldTypes[F] extends { kind: "enum"; options: infer O extends readonly [string, ...string[]] }
        ? ReturnType<typeof optionalChoice<O>>
        : never;

function fieldSchema(field: RequestField) {
  const type = REQUEST_FIELD_TYPES[field];
  const invalid = `${V}.${field}.required`;
  switch (type.kind) {
    case "text":
      return optionalText(type.maxLength, `${V}.text.tooLong`);
    case "date":
      return optionalDate;
    case "boolean":
      return yesNo(invalid);
    case "enum":
      return optionalChoice(type.options, invalid);
  }
}

/**
 * The fields of every right plus the narrowing, from the rights catalogue (REQUEST_FIELD_TYPES):
 * each field's parser follows its type there. Every field is optional here; what each right
 * requires is checked by `checkDetailsForRights` (missingRequestFields).
 */
// The mapped type gives each field its own parser type (Object.fromEntries knows only strings).
export const detailFieldsShape = Object.fromEntries(REQUEST_FIELDS.map((field) => [field, fieldSchema(field)])) as unknown as {
  [F in RequestField]: FieldSchema<F>;
};

export type DetailFields = z.output<z.ZodMiniObject<typeof detailFieldsShape>>;
export type DetailField = keyof typeof detailFieldsShape;

/** The fields the chosen rights show in the details step, in display order (the narrowing fields come after, apart). */
export function detailFieldsFor(rights: readonly Right[]): RightField[] {
  return fieldsForRights(rights).map((spec) => spec.name);
}

/**
 * Per-right requirements (Art. 16-21): adds an issue per missing field, with the message key
 * `requestFlow.validation.<field>.required`. `prefix` is the path of the details object.
 */
function checkDetailsForRights(
  rights: readonly Right[],
  details: Partial<DetailFields>,
  ctx: z.core.$RefinementCtx,
  prefix: (string | number)[] = [],
) {
  // The requirements are the rights catalogue's (RIGHTS_CATALOGUE, missingRequestFields): one list.
  const reported = new Set<string>();
  for (const right of RIGHTS) {
    if (!rights.includes(right)) continue;
    for (const field of missingRequestFields(right, details)) {
      if (reported.has(field)) continue;
      reported.add(field);
      ctx.addIssue({ code: "custom", path: [...prefix, field], message: `${V}.${field}.required` });
    }
  }
  const { scopePeriodFrom: from, scopePeriodTo: to } = details;
  if (from && to && isValidIsoDate(from) && isValidIsoDate(to) && from > to) {
    ctx.addIssue({ code: "custom", path: [...prefix, "scopePeriodTo"], message: `${V}.scopePeriodTo.beforeFrom` });
  }
}

/**
 * Keeps only the answers that belong to the chosen rights (and the narrowing), without empty ones
 * and without those another answer makes unnecessary (reasons for an objection to marketing).
 */
export function detailsForRights(rights: readonly Right[], details: Partial<DetailFields>): Partial<DetailFields> {
  const keep = new Set<string>([...fieldsForRights(rights, details).map((f) => f.name), ...NARROWING_FIELDS]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (keep.has(key) && value !== undefined && value !== "") out[key] = value;
  }
  return out as Partial<DetailFields>;
}

const unitSchema = z._default(
  z.optional(
    z.string({ error: "validation.unit.invalid" }).check(z.trim(), z.maxLength(100, "validation.unit.invalid"), z.regex(/^[a-z0-9-]*$/, "validation.unit.invalid")),
  ),
  "",
);

const descriptionSchema = z._default(
  z.optional(
    z
      .string({ error: "validation.form.invalid" })
      .check(z.maxLength(REQUEST_LIMITS.description, "validation.description.tooLong"), z.regex(NO_CONTROL_CHARS, "validation.form.invalid")),
  ),
  "",
);

// ---------------------------------------------------------------------------
// Step 1: what

export const whatStepSchema = z.object({ rights: rightsSchema });
export type WhatStepInput = z.input<typeof whatStepSchema>;
export type WhatStep = z.output<typeof whatStepSchema>;

// ---------------------------------------------------------------------------
// Step 2: details (the rights travel along as hidden fields, so the same schema checks them)

export const detailsStepSchema = z.object({ rights: rightsSchema, ...detailFieldsShape, unit: unitSchema, description: descriptionSchema }).check(
  z.superRefine((value, ctx) => {
    // Runs even when a field failed (ALWAYS): without valid rights there is nothing to require.
    if (Array.isArray(value.rights)) checkDetailsForRights(value.rights, value, ctx);
  }, ALWAYS),
);
export type DetailsStepInput = z.input<typeof detailsStepSchema>;
export type DetailsStep = z.output<typeof detailsStepSchema>;

// ---------------------------------------------------------------------------
// Step 3: about (who asks, on whose behalf, how to answer)

export const ON_BEHALF_OF = ["self", "child", "power_of_attorney", "guardian"] as const;
export type OnBehalfOfChoice = (typeof ON_BEHALF_OF)[number];
/**
 * What the form offers under "who is it about": the four above, plus a person who has died. The
 * GDPR does not cover deceased persons (recital 27), so that choice never makes a case: the form
 * shows where to turn instead (components/request/DeceasedGuidance.tsx) and every schema below
 * refuses it with `requestFlow.validation.onBehalfOf.deceased`.
 */
export const ABOUT_CHOICES = [...ON_BEHALF_OF, "deceased"] as const;
export type AboutChoice = (typeof ABOUT_CHOICES)[number];
export const ANSWER_CHANNELS = ["digital", "paper"] as const;
export type AnswerChannelChoice = (typeof ANSWER_CHANNELS)[number];

export type NationalIdCheck = { allowSynthetic?: boolean };

/** Optional fødselsnummer/D-nummer: "" or 11 digits with both mod-11 check digits right. */
function optionalNationalId(options: NationalIdCheck, invalid: string) {
  return z
    .pipe(
      z._default(z.optional(z.string({ error: "validation.form.invalid" }).check(z.maxLength(40, invalid))), ""),
      z.transform((v: string) => normaliseNationalId(v)),
    )
    .check(z.refine((v: string) => v === "" || isValidNationalId(v, options), invalid));
}

const nameSchema = z.string({ error: "validation.name.required" }).check(
  z.trim(),
  z.minLength(1, "validation.name.required"),
  z.maxLength(REQUEST_LIMITS.name, "validation.name.tooLong"),
  // Control characters (and bidi overrides, which show the name to staff as something else) have
  // no place in a name and break letters and CSV exports.
  z.refine((v: string) => !/[\u0000-\u001f\u007f]/.test(v) && isPlainText(v), "validation.name.invalid"),
);

const emailFormat = z.email();
const emailSchema = z
  .string({ error: "validation.email.required" })
  .check(z.trim(), z.maxLength(REQUEST_LIMITS.email, "validation.email.invalid"), z.refine((v: string) => v === "" || emailFormat.safeParse(v).success, "validation.email.invalid"));

/** The other person's number: checked in checkAbout, and only when the request is on their behalf (the field is hidden otherwise). */
const subjectNationalIdSchema = z.pipe(
  z._default(z.optional(z.string({ error: "validation.form.invalid" }).check(z.maxLength(40, `${V}.subjectNationalId.invalid`))), ""),
  z.transform((v: string) => normaliseNationalId(v)),
);

function aboutShape(options: NationalIdCheck) {
  return {
    name: nameSchema,
    nationalId: optionalNationalId(options, `${V}.nationalId.invalid`),
    // "deceased" is parsed so the answer can say why it is refused (checkAbout), never stored.
    onBehalfOf: z._default(z.optional(z.enum(ABOUT_CHOICES, { error: `${V}.onBehalfOf.required` })), "self"),
    subjectName: optionalText(REQUEST_LIMITS.name, "validation.name.tooLong"),
    subjectNationalId: subjectNationalIdSchema,
    declaration: z.pipe(
      z.optional(z.union([z.boolean(), z.literal("on"), z.literal("")], { error: `${V}.declaration.required` })),
      z.transform((v: boolean | "on" | "" | undefined) => v === true || v === "on"),
    ),
    answerChannel: z._default(z.optional(z.enum(ANSWER_CHANNELS, { error: `${V}.answerChannel.required` })), "digital"),
    postalAddress: optionalText(REQUEST_LIMITS.postalAddress, `${V}.postalAddress.tooLong`),
    email: z._default(z.optional(emailSchema), ""),
  };
}

/** What checkAbout reads. After a failed field it gets that field's raw input, hence `unknown`. */
type AboutValues = {
  onBehalfOf?: unknown;
  subjectName?: unknown;
  subjectNationalId?: unknown;
  declaration?: unknown;
  answerChannel?: unknown;
  postalAddress?: unknown;
  email?: unknown;
};

/**
 * A parent may ask on behalf of a child under 16; from 16 the young person asks, or gives a power of
 * attorney. Not personopplysningsloven § 5, which is the age (13) for a child's own consent to
 * information society services (GDPR Art. 8) and says nothing about who exercises the rights.
 * The GDPR and personopplysningsloven have no age for the rights themselves: they are the child's,
 * and a parent exercises them as the child's representative through parental responsibility
 * (barnelova §§ 30-33: decisions on personal matters for the child, with the child's growing say,
 * heard from 7, great weight from 12; vergemålsloven § 9, a minor cannot act alone). The limit of 16
 * is a choice that follows the health legislation, where the municipality holds its most sensitive
 * data about children: from 16 a patient consents and has access to their own records, and parents
 * are informed about a patient under 16 only (pasient- og brukerrettighetsloven §§ 3-4, 4-3, 5-1),
 * while between 12 and 16 information can be kept from the parents when the child has good reasons.
 * Uncertain: parental responsibility lasts to 18, so a parent's request for a 16- or 17-year-old is
 * not unlawful as such; the portal asks for the young person's power of attorney to protect their
 * privacy. README, "Legal rules encoded", says what was and was not verified.
 */
export const CHILD_AGE_LIMIT = 16;

/** Whether the request is made for someone else (a child, with a power of attorney, or as a guardian). */
export function asksOnBehalf(onBehalfOf: unknown): onBehalfOf is Exclude<OnBehalfOfChoice, "self"> {
  return onBehalfOf === "child" || onBehalfOf === "power_of_attorney" || onBehalfOf === "guardian";
}

/**
 * Whether the requester must give an e-mail address: unless they want the answer by post (or the
 * signed-in citizen's address is known). Not chosen yet counts as digital, so an empty form says so.
 */
export function emailRequired(answerChannel: unknown, emailOptional = false): boolean {
  return !emailOptional && answerChannel !== "paper";
}

function checkAbout(value: AboutValues, ctx: z.core.$RefinementCtx, options: NationalIdCheck & { emailOptional?: boolean; today?: string } = {}) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";
  // A deceased person is no data subject (GDPR recital 27): nothing to file, whatever else was given.
  if (value.onBehalfOf === "deceased") issue("onBehalfOf", `${V}.onBehalfOf.deceased`);
  if (asksOnBehalf(value.onBehalfOf)) {
    if (blank(value.subjectName)) issue("subjectName", `${V}.subjectName.required`);
    if (value.declaration !== true) issue("declaration", `${V}.declaration.required`);
    const subjectId = typeof value.subjectNationalId === "string" ? value.subjectNationalId : "";
    if (subjectId && !isValidNationalId(subjectId, options)) {
      issue("subjectNationalId", `${V}.subjectNationalId.invalid`);
    } else if (subjectId && value.onBehalfOf === "child") {
      const born = birthDateOfNationalId(subjectId, options);
      if (born && ageOn(born, options.today ?? osloDateOf(new Date())) >= CHILD_AGE_LIMIT) {
        issue("subjectNationalId", `${V}.subjectNationalId.notChild`);
      }
    }
  }
  if (value.answerChannel === "paper" && blank(value.postalAddress)) issue("postalAddress", `${V}.postalAddress.required`);
  if (emailRequired(value.answerChannel, options.emailOptional) && value.email === "") {
    issue("email", "validation.email.required");
  }
}

/**
 * The about step. Radios and the declaration checkbox are required here (the form must ask);
 * `emailOptional` when the signed-in citizen already has a verified e-mail.
 */
export function aboutStepSchema(options: NationalIdCheck & { emailOptional?: boolean; today?: string } = {}) {
  const shape = aboutShape(options);
  return z
    .object({
      ...shape,
      onBehalfOf: z.enum(ABOUT_CHOICES, { error: `${V}.onBehalfOf.required` }),
      answerChannel: z.enum(ANSWER_CHANNELS, { error: `${V}.answerChannel.required` }),
    })
    .check(z.superRefine((value, ctx) => checkAbout(value, ctx, options), ALWAYS));
}
export type AboutStepInput = z.input<ReturnType<typeof aboutStepSchema>>;
export type AboutStep = z.output<ReturnType<typeof aboutStepSchema>>;

// ---------------------------------------------------------------------------
// The whole request (JSON API, and the input of lib/cases/submit-request.ts)

const detailsObject = z.strictObject(detailFieldsShape);

/** `today` (the portal's date, "YYYY-MM-DD"): the day a child's age is counted on; the real date by default. */
export function makeSubmitRequestSchema(options: NationalIdCheck & { today?: string } = {}) {
  const about = aboutShape(options);
  return z
    .object({
      rights: rightsSchema,
      name: nameSchema,
      email: about.email,
      unit: unitSchema,
      description: descriptionSchema,
      details: z.optional(detailsObject),
      onBehalfOf: about.onBehalfOf,
      subjectName: about.subjectName,
      subjectNationalId: about.subjectNationalId,
      declaration: about.declaration,
      answerChannel: about.answerChannel,
      postalAddress: about.postalAddress,
      nationalId: about.nationalId,
      // The nil uuid is no key: every client that sends it would share one case.
      submissionKey: z.uuid("validation.form.expired").check(z.refine((k: string) => normaliseSubmissionKey(k) !== null, "validation.form.expired")),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (Array.isArray(value.rights)) checkDetailsForRights(value.rights, value.details ?? {}, ctx, ["details"]);
        checkAbout(value, ctx, options);
      }, ALWAYS),
    );
}

let lastSubmitSchema: { key: string; schema: ReturnType<typeof makeSubmitRequestSchema> } | undefined;

/**
 * makeSubmitRequestSchema, built once per day and setting rather than once per request (building
 * the schema costs more than parsing with it; the JSON API parses every submission with it).
 */
export function submitRequestSchemaFor(options: { allowSynthetic: boolean; today: string }) {
  const key = `${options.allowSynthetic}|${options.today}`;
  if (lastSubmitSchema?.key !== key) lastSubmitSchema = { key, schema: makeSubmitRequestSchema(options) };
  return lastSubmitSchema.schema;
}

/** Synthetic (Tenor) test numbers only where the deployment allows them. */
export function allowSyntheticNationalIds(): boolean {
  return typeof process !== "undefined" && process.env?.ALLOW_SYNTHETIC_NATIONAL_IDS === "1";
}

export const submitRequestSchema = makeSubmitRequestSchema();

export type SubmitRequestInput = z.input<typeof submitRequestSchema>;
/**
 * What the submit service takes. Everything beyond the original six fields is optional, with the
 * defaults of the schema: myself, digital answer, no details.
 */
export type SubmitRequest = {
  rights: Right[];
  name: string;
  email: string;
  unit: string;
  description: string;
  submissionKey: string;
  details?: Partial<DetailFields>;
  /** "deceased" passes the type only to be refused by the service (the schema refuses it first). */
  onBehalfOf?: AboutChoice;
  subjectName?: string;
  subjectNationalId?: string;
  declaration?: boolean;
  answerChannel?: AnswerChannelChoice;
  postalAddress?: string;
  nationalId?: string;
};

/**
 * Turns zod issues into { field: messageKey } (first issue per field). Nested paths are joined with
 * dots ("details.incorrectData"); array positions are left out ("rights").
 */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const segments = issue.path.filter((p) => typeof p === "string");
    const field = segments.length > 0 ? segments.join(".") : "form";
    out[field] ??=
      issue.message.startsWith("validation.") || issue.message.startsWith(`${V}.`)
        ? issue.message
        : "validation.form.invalid";
  }
  return out;
}
