"use server";

// Server actions of the legal-hold form on the staff case page. Thin: reference + actor -> service
// (policy check: a case the actor may not see is 404, one they see but may not hold is "not
// allowed", as everywhere on the case page) -> redirect with ?hold=set|lifted.
import { notFound, redirect } from "next/navigation";
import { requireStaffActor, type StaffActor } from "@/lib/auth/staff-actor";
import { liftLegalHold, setLegalHold } from "@/lib/cases/set-legal-hold";
import { actionFailure } from "@/lib/http/action-failure";
import type { CaseActionState } from "@/components/staff/case/action-state";
import { caseFormFailure } from "./case-form-failure";
import { isCanonicalCaseReference } from "@/lib/domain/reference";


function field(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

/** The reason's own messages; everything else as on the rest of the case page (case-form-failure.ts). */
function reasonKey(reason: unknown): string {
  return reason === "retention.validation.reasonTooLong"
    ? "retention.validation.reasonTooLong"
    : reason === "retention.validation.reasonInvalid"
      ? "retention.validation.reasonInvalid"
      : "retention.validation.reasonTooShort";
}

async function failure(ctx: { actor: StaffActor; reference: string }, error: unknown, values: Record<string, string>): Promise<CaseActionState> {
  return caseFormFailure(actionFailure(error, "legal_hold.action_failed"), {
    ...ctx,
    values,
    fieldFor: (field, reason) => (field === "reason" ? ["reason", reasonKey(reason)] : null),
  });
}

async function begin(formData: FormData) {
  const reference = field(formData, "reference");
  if (!isCanonicalCaseReference(reference)) notFound();
  const actor = await requireStaffActor();
  const version = Number(field(formData, "version"));
  return { actor, reference, version: Number.isInteger(version) ? version : 0 };
}

export async function setLegalHoldAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  const reason = field(formData, "reason");
  try {
    await setLegalHold(actor, { reference, reason, expectedVersion: version });
  } catch (error) {
    return failure({ actor, reference }, error, { reason });
  }
  redirect(`/staff/cases/${reference}?hold=set#retention`);
}

export async function liftLegalHoldAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  try {
    await liftLegalHold(actor, { reference, expectedVersion: version });
  } catch (error) {
    return failure({ actor, reference }, error, {});
  }
  redirect(`/staff/cases/${reference}?hold=lifted#retention`);
}
