// Input of the admin forms: one zod schema per form, used by the server actions and again by the
// services. Messages are keys under staffQueue.admin.errors.
import { z } from "zod";
import { ROLES } from "@/lib/domain/policy";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong").regex(NO_CONTROL_CHARS, "invalid");

export const staffUserInputSchema = z.object({
  name: text(200),
  email: z.string().trim().toLowerCase().max(254, "tooLong").pipe(z.email("email")),
  roles: z.array(z.enum(ROLES, "role")).min(1, "rolesRequired").max(ROLES.length),
  unitIds: z.array(z.uuid("unit")).max(100).default([]),
});
export type StaffUserInput = z.input<typeof staffUserInputSchema>;

export const staffUserUpdateSchema = staffUserInputSchema.omit({ email: true });
export type StaffUserUpdate = z.input<typeof staffUserUpdateSchema>;

/** Systems arrive as a textarea, one per line; blank lines are dropped. */
const systemsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200, "systemTooLong").regex(NO_CONTROL_CHARS, "invalid")).max(50, "tooManySystems"))
  .transform((list) => [...new Set(list)]);

/** An optional translation of a name: blank means "use the bokmål name". */
const optionalName = z.string().trim().max(200, "tooLong").regex(NO_CONTROL_CHARS, "invalid").transform((v) => v || null);

export const unitInputSchema = z.object({
  name: text(200),
  nameNn: optionalName.default(""),
  nameEn: optionalName.default(""),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(60, "tooLong")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug"),
  email: z
    .string()
    .trim()
    .max(254, "tooLong")
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("email")]))
    .transform((v) => v || null),
  systems: systemsSchema.default([]),
  active: z.boolean().default(true),
  // Processes special categories (Art. 9): its cases need ID-porten level high. Left out = unchanged.
  specialCategory: z.boolean().optional(),
});
export type UnitInput = z.input<typeof unitInputSchema>;

/** Field -> message key, from a zod error (first issue per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return out;
}

/** An optional paragraph of the records of processing: blank means "none" (stored as null). */
const optionalParagraph = z.string().trim().max(4000, "tooLong").regex(NO_CONTROL_CHARS, "invalid").transform((v) => v || null);
const paragraph = z.string().trim().min(1, "required").max(4000, "tooLong").regex(NO_CONTROL_CHARS, "invalid");

/**
 * An entry in the records of processing (Art. 30), as quoted by the access answer (Art. 15(1),
 * 15(2)). Messages are keys under records.admin.errors. A transfer outside the EU/EEA needs its
 * safeguards (also a CHECK in the database).
 */
export const processingActivityInputSchema = z
  .object({
    name: text(200),
    unitId: z.union([z.uuid("unit"), z.literal("")]).transform((v) => v || null),
    purposes: paragraph,
    legalBasis: paragraph,
    dataCategories: paragraph,
    recipients: paragraph,
    storagePeriod: paragraph,
    source: paragraph,
    transfersOutsideEea: optionalParagraph.default(""),
    transferSafeguards: optionalParagraph.default(""),
    automatedDecisions: optionalParagraph.default(""),
  })
  .superRefine((v, ctx) => {
    if (v.transfersOutsideEea && !v.transferSafeguards) ctx.addIssue({ code: "custom", path: ["transferSafeguards"], message: "safeguardsRequired" });
  })
  // Safeguards without a transfer mean nothing: the letter says nothing is transferred.
  .transform((v) => (v.transfersOutsideEea ? v : { ...v, transferSafeguards: null }));
export type ProcessingActivityInput = z.input<typeof processingActivityInputSchema>;
