"use server";

// Server actions of the "Henvendelsen" section on the staff case page. Thin: reference + actor ->
// service (which checks the policy: a case the actor may not see is 404) -> answer. Revealing a
// national id answers with the number in the action state, so it is shown for this one page view
// (a reload shows it masked again) and never lands in a URL; the service logs the viewing.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { isNationalIdOf, revealNationalId } from "@/lib/cases/reveal-national-id";
import { setSpecialCategory } from "@/lib/cases/set-special-category";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { CaseActionState } from "@/components/staff/case/action-state";
import type { RevealState } from "@/components/staff/case/reveal-state";

const REFERENCE = /^PV-\d{4}-\d{6,}$/;

function field(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

export async function revealNationalIdAction(_prev: RevealState, formData: FormData): Promise<RevealState> {
  const reference = field(formData, "reference");
  const of = field(formData, "of");
  if (!REFERENCE.test(reference) || !isNationalIdOf(of)) notFound();
  const actor = await requireStaffActor();
  try {
    const number = await revealNationalId(actor, { reference, of });
    return number ? { number } : { none: true };
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    const errorId = randomUUID();
    logger.error("national_id.reveal_failed", { errorId, error: (error as Error)?.name });
    return { errorId };
  }
}

export async function setSpecialCategoryAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const reference = field(formData, "reference");
  if (!REFERENCE.test(reference)) notFound();
  const actor = await requireStaffActor();
  const wanted = formData.getAll("specialCategory").includes("yes");
  const version = Number(field(formData, "version"));
  const values: Record<string, string> = wanted ? { specialCategory: "yes" } : {};
  let result: { changed: boolean };
  try {
    result = await setSpecialCategory(actor, { reference, specialCategory: wanted, expectedVersion: Number.isInteger(version) ? version : 0 });
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    const t = await getTranslations("requestDetails.special.errors");
    if (isDomainError(error, "conflict_stale_version") || isDomainError(error, "validation_failed")) {
      return { values, formError: t("stale"), conflict: true };
    }
    if (isDomainError(error, "forbidden")) return { values, formError: t("notAllowed") };
    const errorId = randomUUID();
    logger.error("special_category.action_failed", { errorId, error: (error as Error)?.name, code: (error as { code?: string })?.code });
    return { values, formError: t("unexpected", { errorId }) };
  }
  const done = result.changed ? (wanted ? "on" : "off") : "unchanged";
  redirect(`/staff/cases/${reference}?special=${done}#special-category`);
}
