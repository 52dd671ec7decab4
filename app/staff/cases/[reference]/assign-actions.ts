"use server";

// Server actions of the case page's "assignment and unit" panel (unit leads). Thin: reference +
// actor -> service (policy check: a case the actor may not see is 404; one they see but may not
// assign or move answers "not allowed") -> redirect with a confirmation. Errors come back
// translated, per field where there is a field, with the standard "changed by X, reload".
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor, type StaffActor } from "@/lib/auth/staff-actor";
import { assignCase } from "@/lib/cases/assign-case";
import { changeCaseUnit } from "@/lib/cases/change-unit";
import { staffCaseRef } from "@/lib/cases/case-access";
import { actionFailure } from "@/lib/http/action-failure";
import type { CaseActionState } from "@/components/staff/case/action-state";
import { queueHref } from "@/components/staff/queue-url";
import { caseFormFailure } from "./case-form-failure";
import { isCanonicalCaseReference } from "@/lib/domain/reference";


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

async function failure(
  actor: StaffActor,
  reference: string,
  error: unknown,
  values: Record<string, string>,
  fieldError: (field: unknown, reason: unknown) => [string, string] | null,
): Promise<CaseActionState> {
  return caseFormFailure(actionFailure(error, "case_assignment.action_failed"), { actor, reference, values, fieldFor: fieldError });
}

/** A unit lead assigns (or reassigns) the case to a colleague. */
export async function assignOnCaseAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  const assigneeId = field(formData, "assigneeId");
  const values = { assigneeId };
  if (!assigneeId) {
    const t = await getTranslations("policyWork");
    return { values, errors: { assigneeId: t("assign.errors.assigneeRequired") } };
  }
  const found = await staffCaseRef(actor, reference);
  if (!found) notFound();
  try {
    await assignCase(actor, { caseId: found.id, assigneeId, expectedVersion: version });
  } catch (error) {
    return failure(actor, reference, error, values, (f) => (f === "assignee" ? ["assigneeId", "policyWork.assign.errors.assigneeNoAccess"] : null));
  }
  redirect(`/staff/cases/${reference}?assignment=assigned#case-alerts`);
}

/** A unit lead moves the case to another unit (or gives a "vet ikke" case its unit). */
export async function changeUnitAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  const unitId = field(formData, "unitId");
  const values = { unitId };
  if (!unitId) {
    const t = await getTranslations("policyWork");
    return { values, errors: { unitId: t("unit.errors.unitRequired") } };
  }
  let stillVisible: boolean;
  try {
    stillVisible = (await changeCaseUnit(actor, { reference, unitId, expectedVersion: version })).stillVisible;
  } catch (error) {
    return failure(actor, reference, error, values, (f, reason) =>
      f === "unitId" ? ["unitId", reason === "same" ? "policyWork.unit.errors.sameUnit" : "policyWork.unit.errors.unitRequired"] : null,
    );
  }
  // Moved out of the actor's sight: back to the queue with a notice instead of a 404.
  if (!stillVisible) redirect(queueHref(new URLSearchParams(), { done: "moved", ref: reference }));
  redirect(`/staff/cases/${reference}?assignment=moved#case-alerts`);
}
