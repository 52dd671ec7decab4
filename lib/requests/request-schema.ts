// The one schema for a citizen's request, shared by the form (react-hook-form + zodResolver) and the
// server (server action and JSON API). Error messages are i18n keys under "validation.*".
import { z } from "zod";

export const REQUEST_LIMITS = {
  name: 200,
  email: 254,
  description: 5000,
} as const;

const rightEnum = z.enum(["access", "rectification", "erasure", "restriction", "objection", "portability"]);

export const submitRequestSchema = z.object({
  rights: z.array(rightEnum, { error: "validation.rights.required" }).min(1, "validation.rights.required").max(6),
  name: z
    .string({ error: "validation.name.required" })
    .trim()
    .min(1, "validation.name.required")
    .max(REQUEST_LIMITS.name, "validation.name.tooLong")
    // Control characters have no place in a name and break letters and CSV exports.
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "validation.name.invalid"),
  email: z
    .string({ error: "validation.email.required" })
    .trim()
    .min(1, "validation.email.required")
    .max(REQUEST_LIMITS.email, "validation.email.invalid")
    .pipe(z.email("validation.email.invalid")),
  unit: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9-]*$/, "validation.unit.invalid")
    .optional()
    .default(""),
  description: z
    .string()
    .max(REQUEST_LIMITS.description, "validation.description.tooLong")
    .optional()
    .default(""),
  submissionKey: z.uuid("validation.form.expired"),
});

export type SubmitRequestInput = z.input<typeof submitRequestSchema>;
export type SubmitRequest = z.output<typeof submitRequestSchema>;

/** Turns zod issues into { field: messageKey } (first issue per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message.startsWith("validation.") ? issue.message : "validation.form.invalid";
  }
  return out;
}
