// How the forms of the staff case page show a failed action (lib/http/action-failure.ts decides
// what failed). The same everywhere on the page: visible but not allowed -> "not allowed, nothing
// changed"; someone else changed the case -> "changed by X, reload"; a rule of the case -> its
// sentence; bad input -> on its field where the form says which; anything else -> the error id.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isMessageKey } from "@/i18n/messages";
import type { Translator } from "@/i18n/translator";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { lastChangedBy } from "@/lib/cases/staff-case-view";
import { formatDateLong } from "@/lib/domain/calendar";
import type { ActionFailure } from "@/lib/http/action-failure";
import { isLocale } from "@/i18n/locales";
import type { CaseActionState, FieldValue } from "@/components/staff/case/action-state";

type T = Translator;

/** A message key from a zod issue or a service ("caseWork.x", "caseRules.x", "validation.x.y", ...) -> text. */
export function translateFormKey(t: T, key: string | undefined): string {
  const known = ["caseWork.", "caseRules.", "validation.", "policyWork.", "retention.", "requestDetails."];
  const k = key && known.some((prefix) => key.startsWith(prefix)) && isMessageKey(key) ? key : "validation.form.invalid";
  try {
    return t(k);
  } catch {
    return t("validation.form.invalid");
  }
}

export async function caseFormFailure(
  failure: ActionFailure,
  ctx: {
    actor: StaffActor;
    reference: string;
    values: Record<string, FieldValue>;
    /** Bad input on a field of this form: [field name, message key], or null for a form-level message. */
    fieldFor?: (field: string, reason: unknown) => [string, string] | null;
  },
): Promise<CaseActionState> {
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const { values } = ctx;
  switch (failure.kind) {
    case "forbidden":
      return { values, formError: t("caseWork.errors.notAllowed") };
    case "conflict": {
      const who = await lastChangedBy(ctx.actor, ctx.reference);
      return { values, formError: who?.name ? t("caseWork.conflict.changedBy", { name: who.name }) : t("caseWork.conflict.changedBySomeone"), conflict: true };
    }
    case "rate_limited":
      return { values, formError: t("validation.form.invalid") };
    case "invalid": {
      if (failure.field === "version") return { values, formError: t("caseWork.conflict.changedBySomeone"), conflict: true };
      const mapped = ctx.fieldFor?.(failure.field ?? "form", failure.details.reason) ?? null;
      if (mapped) return { values, errors: { [mapped[0]]: translateFormKey(t, mapped[1]) } };
      return { values, formError: t("validation.form.invalid") };
    }
    case "rule": {
      const d = failure.details;
      switch (failure.code) {
        case "case_closed":
          return { values, formError: t("caseWork.errors.caseClosed") };
        case "invalid_transition":
          return { values, formError: t("caseWork.errors.invalidTransition"), conflict: true };
        case "identity_pause_not_needed":
          return { values, errors: { kind: t("caseRules.ask.errors.identityNotNeeded") } };
        case "extension_already_granted":
          return { values, formError: t("caseWork.errors.extensionAlreadyGranted") };
        case "extension_too_late":
          return { values, formError: t("caseWork.errors.extensionTooLate", { date: formatDateLong(String(d.oneMonthDueDate), locale) }) };
        case "extension_reason_required":
          return { values, errors: { reason: t("caseWork.errors.extensionReasonRequired", { min: Number(d.minLength ?? 10) }) } };
        default:
          return { values, formError: t("validation.form.invalid") };
      }
    }
    case "unexpected":
      return { values, formError: t("caseWork.errors.unexpected", { errorId: failure.errorId }) };
  }
}
