// Register a request that came in by phone, letter, at the counter or by e-mail. The receipt time
// may be in the past (the deadline counts from it), never in the future.
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listRequestUnits } from "@/lib/admin/unit-choices";
import { REGISTER_CHANNELS } from "@/lib/cases/register-request";
import { osloDateOf } from "@/lib/domain/calendar";
import { hasPermission } from "@/lib/domain/policy";
import { RIGHTS } from "@/lib/domain/rights";
import { LOCALES } from "@/i18n/locales";
import { CaseActionForm } from "@/components/staff/case/CaseActionForm";
import { registerAction } from "./actions";
import { rightsShortLabel } from "@/components/staff/right-labels";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { now as clockNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

/** Each language named in itself, as in the language switcher. */
const LANGUAGE_NAMES = { nb: "Norsk bokmål", nn: "Norsk nynorsk", en: "English" } as const;

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ registered?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "case.register")) notFound();
  const [{ registered }, t] = await Promise.all([searchParams, getTranslations()]);
  const units = await listRequestUnits(await getLocale());
  const now = clockNow();
  const today = osloDateOf(now);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(now);
  const registeredRef = registered && isCanonicalCaseReference(registered) ? registered : null;

  return (
    <>
      <p>
        <Link className="ds-link" href="/staff">
          {t("myCases.staff.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("caseWork.register.heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("caseWork.register.intro")}</p>
      {registeredRef && (
        <div className="ds-alert mt-4" data-color="success" role="status" data-testid="flash">
          <p className="ds-paragraph">{t("caseWork.register.registeredElsewhere", { reference: registeredRef })}</p>
        </div>
      )}
      <div className="mt-6">
        <CaseActionForm
          formId="register"
          action={registerAction}
          // One key per form render: a double submit makes one case.
          hidden={{ submissionKey: randomUUID() }}
          confirmStep
          confirmHeadingLevel={2}
          fields={[
            {
              kind: "radio",
              name: "channel",
              label: t("caseWork.register.channelLabel"),
              defaultValue: "phone",
              options: REGISTER_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
            },
            {
              kind: "group",
              legend: t("caseWork.register.receivedLegend"),
              fields: [
                { kind: "date", name: "receivedDate", label: t("caseWork.register.dateLabel"), help: t("caseWork.register.dateHelp"), defaultValue: today, max: today },
                { kind: "time", name: "receivedTime", label: t("caseWork.register.timeLabel"), help: t("caseWork.register.timeHelp"), defaultValue: time },
              ],
            },
            {
              kind: "checkboxes",
              name: "rights",
              label: t("caseWork.register.rightsLabel"),
              options: RIGHTS.map((r) => ({ value: r, label: rightsShortLabel(t, [r]) })),
            },
            {
              kind: "group",
              legend: t("caseWork.register.requesterLegend"),
              fields: [
                { kind: "text", name: "name", label: t("caseWork.register.nameLabel"), autoComplete: "off", maxLength: 200 },
                {
                  kind: "text",
                  name: "nationalId",
                  label: t("citizenLink.register.nationalIdLabel"),
                  help: t("citizenLink.register.nationalIdHelp"),
                  autoComplete: "off",
                  maxLength: 20,
                },
                { kind: "email", name: "email", label: t("caseWork.register.emailLabel"), help: t("caseWork.register.emailHelp"), maxLength: 254 },
                { kind: "tel", name: "phone", label: t("caseWork.register.phoneLabel"), maxLength: 40 },
                {
                  kind: "textarea",
                  name: "postalAddress",
                  label: t("caseWork.register.postalLabel"),
                  help: t("caseWork.register.postalHelp"),
                  rows: 3,
                  maxLength: 500,
                },
                {
                  kind: "radio",
                  name: "answerChannel",
                  label: t("caseWork.register.answerChannelLabel"),
                  defaultValue: "digital",
                  options: [
                    { value: "digital", label: t("caseWork.register.answerDigital") },
                    { value: "paper", label: t("caseWork.register.answerPaper") },
                  ],
                },
                {
                  kind: "select",
                  name: "locale",
                  label: t("caseWork.register.localeLabel"),
                  defaultValue: "nb",
                  options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
                },
                { kind: "checkbox", name: "identityVerified", label: t("caseWork.register.identityLabel"), help: t("caseWork.register.identityHelp") },
              ],
            },
            {
              kind: "select",
              name: "unit",
              label: t("caseWork.register.unitLabel"),
              defaultValue: "",
              options: [{ value: "", label: t("caseWork.register.unitUnknown") }, ...units.map((u) => ({ value: u.slug, label: u.name }))],
            },
            {
              kind: "textarea",
              name: "description",
              label: t("caseWork.register.descriptionLabel"),
              help: t("caseWork.register.descriptionHelp"),
              rows: 5,
              maxLength: 5000,
            },
          ]}
          texts={{
            submit: t("caseWork.register.submit"),
            summaryHeading: t("caseWork.form.summaryHeading"),
            confirmHeading: t("caseWork.form.confirmHeading"),
            confirmButton: t("caseWork.register.confirmButton"),
            editButton: t("caseWork.form.editButton"),
          }}
        />
      </div>
    </>
  );
}
