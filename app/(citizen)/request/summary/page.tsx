import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StepPage } from "@/components/request/StepPage";
import { SendForm } from "@/components/request/SendForm";
import { findRequestUnit } from "@/lib/admin/unit-choices";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { formatDateLong, isValidIsoDate } from "@/lib/domain/calendar";
import { detailValues, firstIncompleteStep } from "@/lib/requests/draft";
import { isLocale } from "@/i18n/locales";
import { answerOption, fieldLabelKey, fieldOptionKey, type OptionField } from "@/i18n/request-field-keys";
import { fieldsForRights, requestFieldType, type RightField } from "@/lib/domain/rights";
import { currentDraft } from "../draft-session";

export const dynamic = "force-dynamic";

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="whitespace-pre-line break-words" data-testid={testId}>
        {value}
      </dd>
    </>
  );
}

export default async function SummaryStepPage() {
  const [draft, citizen, t, localeRaw] = await Promise.all([currentDraft(), currentCitizen(), getTranslations(), getLocale()]);
  if (!draft) redirect("/request/what");
  const step = firstIncompleteStep(draft.data);
  if (step !== "summary") redirect(`/request/${step}`);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const data = draft.data;
  const rights = data.rights!;
  const about = data.about!;
  const values = detailValues(data);
  const unit = data.details?.unit ? await findRequestUnit(data.details.unit, locale) : null;
  const dash = t("requestFlow.summary.notGiven");
  const date = (v: unknown) => (typeof v === "string" && isValidIsoDate(v) ? formatDateLong(v, locale) : "");
  const detailText = (field: RightField): string => {
    const v = (values as Record<string, unknown>)[field];
    const type = requestFieldType(field);
    if (type.kind === "enum" || type.kind === "boolean") {
      const option = answerOption(field as OptionField, v);
      return option ? t(fieldOptionKey(field as OptionField, option)) : dash;
    }
    if (type.kind === "date") return date(v) || dash;
    return typeof v === "string" && v ? v : dash;
  };
  const period =
    values.scopePeriodFrom || values.scopePeriodTo
      ? t("requestFlow.summary.period", { from: date(values.scopePeriodFrom) || "…", to: date(values.scopePeriodTo) || "…" })
      : dash;
  const change = (href: string, what: string) => (
    <Link className="ds-link" href={href}>
      {t("requestFlow.summary.change")} <span className="ds-sr-only">{what}</span>
    </Link>
  );
  const section = (id: string, heading: string, href: string, rows: React.ReactNode) => (
    <section aria-labelledby={id} className="ds-card p-4 flex flex-col gap-3" data-testid={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="ds-heading" data-size="sm">
          {heading}
        </h2>
        {change(href, heading)}
      </div>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,max-content)_1fr]">{rows}</dl>
    </section>
  );

  return (
    <StepPage step="summary" back="/request/about">
      <div className="flex flex-col gap-6 max-w-3xl">
        {section(
          "summary-what",
          t("requestFlow.summary.whatHeading"),
          "/request/what?from=summary",
          <Row label={t("requestFlow.summary.rightsLabel")} value={rights.map((r) => t(`rights.${r}.title`)).join("\n")} testId="summary-rights" />,
        )}
        {section(
          "summary-details",
          t("requestFlow.summary.detailsHeading"),
          "/request/details?from=summary",
          <>
            {fieldsForRights(rights, values).map(({ name }) => (
              <Row key={name} label={t(fieldLabelKey(name))} value={detailText(name)} />
            ))}
            <Row label={t("requestFlow.fields.unit.label")} value={unit?.name ?? t("requestFlow.fields.unit.unknown")} />
            <Row label={t("requestFlow.fields.scopeService.label")} value={values.scopeService || dash} />
            <Row label={t("requestFlow.summary.periodLabel")} value={period} />
            <Row label={t("requestFlow.fields.description.label")} value={data.details?.description || dash} />
          </>,
        )}
        {section(
          "summary-about",
          t("requestFlow.summary.aboutHeading"),
          "/request/about?from=summary",
          <>
            <Row label={t("requestFlow.fields.name.label")} value={about.name} />
            <Row label={t("requestFlow.fields.nationalId.label")} value={about.nationalIdMasked ?? dash} testId="summary-national-id" />
            <Row label={t("requestFlow.fields.email.label")} value={citizen?.email || about.email || dash} />
            <Row label={t("requestFlow.fields.onBehalfOf.label")} value={t(`requestFlow.fields.onBehalfOf.${about.onBehalfOf}`)} />
            {about.onBehalfOf !== "self" && (
              <>
                <Row label={t("requestFlow.fields.subjectName.label")} value={about.subjectName} />
                <Row label={t("requestFlow.fields.subjectNationalId.label")} value={about.subjectNationalIdMasked ?? dash} />
              </>
            )}
            <Row label={t("requestFlow.fields.answerChannel.label")} value={t(`requestFlow.fields.answerChannel.${about.answerChannel}`)} />
            {about.answerChannel === "paper" && (
              <Row label={t("requestFlow.fields.postalAddress.label")} value={about.postalAddress} />
            )}
          </>,
        )}

        <section aria-labelledby="summary-send" className="flex flex-col gap-3">
          <h2 id="summary-send" className="ds-heading" data-size="sm">
            {t("requestFlow.summary.sendHeading")}
          </h2>
          {citizen ? (
            <p className="ds-paragraph" data-testid="signed-in-note">
              {t(citizen.level === "email_code" ? "requestFlow.summary.signedInEmailCode" : "requestFlow.summary.signedInIdPorten")}
            </p>
          ) : (
            <div className="ds-alert" data-color="info">
              <p className="ds-paragraph">{t("requestFlow.summary.mustSignIn")}</p>
            </div>
          )}
          <p className="ds-paragraph" data-size="sm">
            {t("requestFlow.summary.privacyNote")}
          </p>
          <SendForm submissionKey={data.submissionKey} signedIn={Boolean(citizen)} />
        </section>
      </div>
    </StepPage>
  );
}
