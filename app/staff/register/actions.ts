"use server";

// Registering a request received by phone, letter, at the counter or by e-mail. Thin: actor + policy
// -> zod (the service's schema) -> confirmation step (shows the due date it will get) -> service ->
// the new case page (or back here with the reference when the case belongs to another unit).
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { osloInstant, registerRequest, registerSchema, MAX_RECEIPT_AGE_MONTHS } from "@/lib/cases/register-request";
import { staffCaseRef } from "@/lib/cases/case-access";
import { addCalendarMonths, compareIsoDates, formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { computeDeadline } from "@/lib/domain/deadline";
import { tryAction } from "@/lib/http/action-failure";
import { maskNationalId } from "@/lib/domain/national-id";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { isMessageKey } from "@/i18n/messages";
import type { MessageKey } from "@/i18n/translator";
import type { CaseActionState, FieldValue } from "@/components/staff/case/action-state";
import { now as clockNow } from "@/lib/clock";

function collect(formData: FormData): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || key === "intent" || typeof value !== "string") continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

const one = (v: FieldValue | undefined) => (typeof v === "string" ? v : (v?.[0] ?? ""));
const many = (v: FieldValue | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  future: "caseWork.validation.receivedInFuture",
  too_old: "caseWork.validation.receivedTooOld",
};

export async function registerAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "case.register")) notFound();
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const uiLocale = isLocale(localeRaw) ? localeRaw : "nb";
  const values = collect(formData);
  const input = {
    channel: one(values.channel),
    receivedDate: one(values.receivedDate),
    receivedTime: one(values.receivedTime),
    rights: many(values.rights),
    name: one(values.name),
    email: one(values.email),
    phone: one(values.phone),
    postalAddress: one(values.postalAddress),
    answerChannel: one(values.answerChannel),
    unit: one(values.unit),
    locale: one(values.locale) || "nb",
    description: one(values.description),
    identityVerified: one(values.identityVerified) === "yes",
    nationalId: one(values.nationalId),
    submissionKey: one(values.submissionKey) || undefined,
  };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const key = /^(caseWork|validation|citizenLink)\./.test(issue.message) && isMessageKey(issue.message) ? issue.message : "validation.form.invalid";
      errors[field] ??= t(key);
    }
    return { values, errors };
  }
  const now = clockNow();
  const receivedAt = osloInstant(parsed.data.receivedDate, parsed.data.receivedTime);
  if (receivedAt.getTime() > now.getTime()) return { values, errors: { receivedDate: t(REASON_KEYS.future!) } };
  if (compareIsoDates(osloDateOf(receivedAt), addCalendarMonths(osloDateOf(now), -MAX_RECEIPT_AGE_MONTHS)) < 0) {
    return { values, errors: { receivedDate: t(REASON_KEYS.too_old!) } };
  }
  const intent = formData.get("intent");
  if (intent === "edit") return { values };
  if (intent !== "confirm") {
    const due = computeDeadline({ receivedAt }).dueDate;
    return {
      values,
      confirm: [
        t("caseWork.register.confirmReceived", {
          date: formatDateLong(parsed.data.receivedDate, uiLocale),
          time: parsed.data.receivedTime,
          channel: t(`channel.${parsed.data.channel}`),
        }),
        t("caseWork.register.confirmDue", { date: formatDateLong(due, uiLocale) }),
        t(parsed.data.answerChannel === "digital" && parsed.data.email ? "caseWork.register.confirmReceiptMail" : "caseWork.register.confirmReceiptLetter"),
        // How the requester will find the case on "Mine saker" (the number only masked).
        parsed.data.nationalId
          ? t("citizenLink.register.confirmNationalId", { masked: maskNationalId(parsed.data.nationalId), email: parsed.data.email ? "yes" : "no" })
          : t(parsed.data.email ? "citizenLink.register.confirmEmailOnly" : "citizenLink.register.confirmNoLink"),
      ],
    };
  }
  const registered = await tryAction<{ reference: string } | CaseActionState>(
    "register.failed",
    async () => ({ reference: (await registerRequest(actor, parsed.data, { now })).reference }),
    (failure): CaseActionState => {
      // Registering is a staff role's; others are refused as if the page did not exist.
      if (failure.kind === "forbidden") notFound();
      if (failure.kind === "invalid") {
        const field = failure.field ?? "form";
        const reason = String(failure.details.reason ?? "");
        // The same form sent again after it made another case (e.g. the browser's back button): reload.
        if (reason === "stale") return { values, formError: t("caseWork.validation.version") };
        const key = REASON_KEYS[reason] ?? (field === "unit" ? "validation.unit.invalid" : field === "postalAddress" ? "caseWork.validation.postalAddressNeeded" : "validation.form.invalid");
        return { values, errors: { [field]: t(key) } };
      }
      return { values, formError: t("caseWork.errors.unexpected", { errorId: failure.kind === "unexpected" ? failure.errorId : "-" }) };
    },
  );
  if (!("reference" in registered)) return registered;
  const { reference } = registered;
  if (await staffCaseRef(actor, reference)) redirect(`/staff/cases/${reference}?done=registered#case-alerts`);
  redirect(`/staff/register?registered=${reference}`);
}
