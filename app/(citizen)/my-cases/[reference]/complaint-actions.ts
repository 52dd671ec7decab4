"use server";

// The citizen files a complaint to the DPO about their own case. Thin: parse with the shared schema,
// resolve the citizen, call the service; failures are decided in lib/http/action-failure.ts
// (someone else's case is the 404 page) and shown with keys under complaints.errors.
import { redirect } from "next/navigation";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { complaintBodySchema } from "@/lib/complaints/complaint-schema";
import { formString, referenceField, tryAction } from "@/lib/http/action-failure";
import type { ComplaintFormState } from "@/components/complaints/complaint-form-state";

const SCHEMA_KEYS = new Set(["empty", "tooShort", "tooLong", "invalid"]);

function schemaKey(message: unknown): string {
  return typeof message === "string" && SCHEMA_KEYS.has(message) ? message : "empty";
}

export async function fileComplaintAction(_prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  const reference = referenceField(formData);
  const citizen = await requireCitizen(`/my-cases/${reference}`);
  const value = formString(formData, "body");
  const parsed = complaintBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: schemaKey(parsed.error.issues[0]?.message) };
  return tryAction(
    "complaints.file_failed",
    async () => {
      await fileComplaint({ identityId: citizen.identityId, reference, body: parsed.data });
      redirect(`/my-cases/${reference}?complained=1#complaints`);
    },
    (failure): ComplaintFormState => {
      if (failure.kind === "rule" && failure.code === "invalid_transition") return { value, error: "alreadyOpen" };
      if (failure.kind === "rate_limited") return { value, error: "rateLimited" };
      if (failure.kind === "invalid") return { value, error: schemaKey(failure.details.message) };
      return { value, errorId: failure.kind === "unexpected" ? failure.errorId : "-" };
    },
  );
}
