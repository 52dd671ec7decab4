"use server";

// Server actions of the "Henvendelsen" section on the staff case page. Thin: reference + actor ->
// service (which checks the policy: a case the actor may not see is 404) -> answer. Revealing a
// national id answers with the number in the action state, so it is shown for this one page view
// (a reload shows it masked again) and never lands in a URL; the service logs the viewing.
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { isNationalIdOf, revealNationalId } from "@/lib/cases/reveal-national-id";
import { setSpecialCategory } from "@/lib/cases/set-special-category";
import { tryAction } from "@/lib/http/action-failure";
import type { CaseActionState } from "@/components/staff/case/action-state";
import type { RevealState } from "@/components/staff/case/reveal-state";
import { caseFormFailure } from "./case-form-failure";
import { isCanonicalCaseReference } from "@/lib/domain/reference";


function field(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

export async function revealNationalIdAction(_prev: RevealState, formData: FormData): Promise<RevealState> {
  const reference = field(formData, "reference");
  const of = field(formData, "of");
  if (!isCanonicalCaseReference(reference) || !isNationalIdOf(of)) notFound();
  const actor = await requireStaffActor();
  return tryAction(
    "national_id.reveal_failed",
    async (): Promise<RevealState> => {
      const number = await revealNationalId(actor, { reference, of });
      return number ? { number } : { none: true };
    },
    (failure) => (failure.kind === "unexpected" ? { errorId: failure.errorId } : { errorId: "-" }),
  );
}

export async function setSpecialCategoryAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const reference = field(formData, "reference");
  if (!isCanonicalCaseReference(reference)) notFound();
  const actor = await requireStaffActor();
  const wanted = formData.getAll("specialCategory").includes("yes");
  const version = Number(field(formData, "version"));
  const values: Record<string, string> = wanted ? { specialCategory: "yes" } : {};
  return tryAction(
    "special_category.action_failed",
    async () => {
      const result = await setSpecialCategory(actor, { reference, specialCategory: wanted, expectedVersion: Number.isInteger(version) ? version : 0 });
      const done = result.changed ? (wanted ? "on" : "off") : "unchanged";
      redirect(`/staff/cases/${reference}?special=${done}#special-category`);
    },
    (failure) => caseFormFailure(failure, { actor, reference, values }),
  );
}
