"use server";

// The citizen files a complaint to the DPO about their own case. Thin: parse with the shared schema,
// resolve the citizen, call the service, map domain errors to translated messages (keys under
// complaints.errors). Someone else's case answers 404.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { complaintBodySchema } from "@/lib/complaints/complaint-schema";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { ComplaintFormState } from "@/components/complaints/complaint-form-state";

const REFERENCE = /^PV-\d{4}-\d{6,}$/;
const SCHEMA_KEYS = new Set(["empty", "tooShort", "tooLong", "invalid"]);

function schemaKey(message: unknown): string {
  return typeof message === "string" && SCHEMA_KEYS.has(message) ? message : "empty";
}

export async function fileComplaintAction(reference: string, _prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  if (!REFERENCE.test(reference)) notFound();
  const citizen = await requireCitizen(`/my-cases/${reference}`);
  const raw = formData.get("body");
  const value = typeof raw === "string" ? raw : "";
  const parsed = complaintBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: schemaKey(parsed.error.issues[0]?.message) };

  try {
    await fileComplaint({ identityId: citizen.identityId, reference, body: parsed.data });
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "invalid_transition")) return { value, error: "alreadyOpen" };
    if (isDomainError(error, "rate_limited")) return { value, error: "rateLimited" };
    if (isDomainError(error, "validation_failed")) return { value, error: schemaKey(error.details?.message) };
    const errorId = randomUUID();
    logger.error("complaints.file_failed", { errorId, error: (error as Error).name });
    return { value, errorId };
  }
  redirect(`/my-cases/${reference}?complained=1#complaints`);
}
