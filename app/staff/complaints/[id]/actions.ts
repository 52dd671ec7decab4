"use server";

// The DPO answers a complaint. Thin: parse with the shared schema, resolve the staff member, call the
// service, map domain errors. Anyone without complaint.handle gets 404.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { answerComplaint } from "@/lib/complaints/answer-complaint";
import { complaintAnswerSchema } from "@/lib/complaints/complaint-schema";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { ComplaintFormState } from "@/components/complaints/complaint-form-state";

const SCHEMA_KEYS = new Set(["answerEmpty", "answerTooLong", "answerInvalid"]);

function schemaKey(message: unknown): string {
  return typeof message === "string" && SCHEMA_KEYS.has(message) ? message : "answerEmpty";
}

export async function answerComplaintAction(complaintId: string, _prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  const actor = await requireStaffActor();
  const raw = formData.get("body");
  const value = typeof raw === "string" ? raw : "";
  const parsed = complaintAnswerSchema.safeParse(value);
  if (!parsed.success) return { value, error: schemaKey(parsed.error.issues[0]?.message) };
  try {
    await answerComplaint(actor, { complaintId, answer: parsed.data });
  } catch (error) {
    if (isDomainError(error, "not_found") || isDomainError(error, "forbidden")) notFound();
    if (isDomainError(error, "invalid_transition")) return { value, error: "alreadyAnswered" };
    if (isDomainError(error, "validation_failed")) return { value, error: schemaKey(error.details?.message) };
    const errorId = randomUUID();
    logger.error("complaints.answer_failed", { errorId, error: (error as Error).name });
    return { value, errorId };
  }
  redirect(`/staff/complaints/${complaintId}?answered=1`);
}
