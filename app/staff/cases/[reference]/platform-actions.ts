"use server";

// Server actions of the "Arkiv og utsending" panel on the staff case page. Thin: reference + actor
// -> service (policy check, transaction, audit event) -> redirect back to the panel.
import { notFound, redirect } from "next/navigation";
import { requireStaffActor, type StaffActor } from "@/lib/auth/staff-actor";
import { recordArchiveReference, retryCaseIntegration } from "@/lib/cases/case-platform";
import { actionFailure } from "@/lib/http/action-failure";
import type { CaseActionState } from "@/components/staff/case/action-state";
import { caseFormFailure } from "./case-form-failure";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { isUuid } from "@/lib/domain/uuid";

function field(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

async function begin(formData: FormData) {
  const reference = field(formData, "reference");
  if (!isCanonicalCaseReference(reference)) notFound();
  const actor = await requireStaffActor();
  const version = Number(field(formData, "version"));
  return { actor, reference, version: Number.isInteger(version) ? version : 0 };
}

function reasonKey(reason: unknown): string {
  return typeof reason === "string" && reason.startsWith("platform.panel.errors.") ? reason : "platform.panel.errors.invalid";
}

async function failure(ctx: { actor: StaffActor; reference: string }, error: unknown, values: Record<string, string>): Promise<CaseActionState> {
  return caseFormFailure(actionFailure(error, "archive_reference.action_failed"), {
    ...ctx,
    values,
    fieldFor: (name, reason) => (name === "archiveReference" ? ["archiveReference", reasonKey(reason)] : null),
  });
}

export async function recordArchiveReferenceAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  const archiveReference = field(formData, "archiveReference");
  try {
    await recordArchiveReference(actor, { reference, archiveReference, expectedVersion: version });
  } catch (error) {
    return failure({ actor, reference }, error, { archiveReference });
  }
  redirect(`/staff/cases/${reference}?platform=saved#platform`);
}

export async function retryIntegrationAction(formData: FormData): Promise<void> {
  const { actor, reference } = await begin(formData);
  const integrationId = field(formData, "integrationId");
  if (!isUuid(integrationId)) notFound();
  try {
    await retryCaseIntegration(actor, { reference, integrationId });
  } catch {
    notFound();
  }
  redirect(`/staff/cases/${reference}?platform=retried#platform`);
}
