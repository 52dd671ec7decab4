"use server";

// Server actions of the legal-hold form on the staff case page. Thin: reference + actor -> service
// (policy check: a case the actor may not hold is 404) -> redirect with ?hold=set|lifted. Errors come
// back translated (per field for the reason), with a reload link after a conflict.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { liftLegalHold, setLegalHold } from "@/lib/cases/set-legal-hold";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { CaseActionState } from "@/components/staff/case/action-state";

const REFERENCE = /^PV-\d{4}-\d{6,}$/;

function field(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
}

async function failure(error: unknown, values: Record<string, string>): Promise<CaseActionState> {
  if (isDomainError(error, "not_found")) notFound();
  const t = await getTranslations("retention");
  if (isDomainError(error, "conflict_stale_version")) return { values, formError: t("panel.errors.stale"), conflict: true };
  if (isDomainError(error, "invalid_transition")) return { values, formError: t("panel.errors.invalidState"), conflict: true };
  if (isDomainError(error, "validation_failed")) {
    const reason = String(error.details?.reason ?? "");
    const key =
      reason === "retention.validation.reasonTooLong"
        ? "validation.reasonTooLong"
        : reason === "retention.validation.reasonInvalid"
          ? "validation.reasonInvalid"
          : "validation.reasonTooShort";
    if (error.details?.field === "reason") return { values, errors: { reason: t(key) } };
    return { values, formError: t("panel.errors.stale"), conflict: true };
  }
  const errorId = randomUUID();
  logger.error("legal_hold.action_failed", { errorId, error: (error as Error)?.name, code: (error as { code?: string })?.code });
  return { values, formError: t("panel.errors.unexpected", { errorId }) };
}

async function begin(formData: FormData) {
  const reference = field(formData, "reference");
  if (!REFERENCE.test(reference)) notFound();
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
    return failure(error, { reason });
  }
  redirect(`/staff/cases/${reference}?hold=set#retention`);
}

export async function liftLegalHoldAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const { actor, reference, version } = await begin(formData);
  try {
    await liftLegalHold(actor, { reference, expectedVersion: version });
  } catch (error) {
    return failure(error, {});
  }
  redirect(`/staff/cases/${reference}?hold=lifted#retention`);
}
