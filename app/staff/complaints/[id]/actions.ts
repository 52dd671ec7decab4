"use server";

// The DPO answers a complaint. Thin: parse with the shared schema, resolve the staff member, call the
// service; failures are decided in lib/http/action-failure.ts. Anyone without complaint.handle
// gets the 404 page.
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { answerComplaint } from "@/lib/complaints/answer-complaint";
import { complaintAnswerSchema } from "@/lib/complaints/complaint-schema";
import { formString, tryAction, uuidField } from "@/lib/http/action-failure";
import type { ComplaintFormState } from "@/components/complaints/complaint-form-state";

const SCHEMA_KEYS = new Set(["answerEmpty", "answerTooLong", "answerInvalid"]);

function schemaKey(message: unknown): string {
  return typeof message === "string" && SCHEMA_KEYS.has(message) ? message : "answerEmpty";
}

export async function answerComplaintAction(_prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  const complaintId = uuidField(formData, "complaintId");
  const actor = await requireStaffActor();
  const value = formString(formData, "body");
  const parsed = complaintAnswerSchema.safeParse(value);
  if (!parsed.success) return { value, error: schemaKey(parsed.error.issues[0]?.message) };
  return tryAction(
    "complaints.answer_failed",
    async () => {
      await answerComplaint(actor, { complaintId, answer: parsed.data });
      redirect(`/staff/complaints/${complaintId}?answered=1`);
    },
    (failure): ComplaintFormState => {
      // Complaints are the DPO's: anyone else is refused as if the complaint did not exist.
      if (failure.kind === "forbidden") notFound();
      if (failure.kind === "rule" && failure.code === "invalid_transition") return { value, error: "alreadyAnswered" };
      if (failure.kind === "invalid") return { value, error: schemaKey(failure.details.message) };
      return { value, errorId: failure.kind === "unexpected" ? failure.errorId : "-" };
    },
  );
}
