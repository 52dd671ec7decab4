// One complaint to the DPO: what the citizen writes, the case it is about, and the answer form (or
// the answer, once given). A server component; the form works without JavaScript. Anyone without
// complaint.handle, and an unknown id, get 404.
import Link from "next/link";
import { ANSWER_MAX_LENGTH } from "@/lib/complaints/complaint-schema";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getComplaint } from "@/lib/complaints/get-complaint";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { ComplaintForm } from "@/components/complaints/ComplaintForm";
import { answerComplaintAction } from "./actions";
import { caseStatusI18nKey } from "@/lib/domain/case-status";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["answerEmpty", "answerTooLong", "answerInvalid", "alreadyAnswered"] as const;

export default async function ComplaintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ answered?: string }> }) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const actor = await requireStaffActor();
  const view = await getComplaint(actor, id);
  if (!view) notFound();
  const [t, tAll, localeRaw] = await Promise.all([getTranslations("complaints"), getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const errorTexts = Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)]));

  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/complaints">
          {t("staff.backToList")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("staff.detailTitle", { reference: view.case.reference })}
      </h1>
      {search.answered && view.status === "answered" && (
        <div className="ds-alert mt-4" data-color="success" role="status" data-testid="flash">
          <p className="ds-paragraph">{t("staff.answeredNotice")}</p>
        </div>
      )}

      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("staff.statusLabel")}</dt>
        <dd data-testid="complaint-status">{view.status === "open" ? t("staff.statusOpen") : t("staff.statusAnswered")}</dd>
        <dt className="font-semibold">{t("staff.receivedLabel")}</dt>
        <dd>{formatDateLong(osloDateOf(view.receivedAt), locale)}</dd>
        <dt className="font-semibold">{t("staff.dueLabel")}</dt>
        <dd data-testid="complaint-due">{formatDateLong(view.dueDate, locale)}</dd>
        {view.status === "open" && (
          <>
            <dt className="font-semibold">{t("staff.daysLeftLabel")}</dt>
            <dd>
              <DaysLeft days={view.daysLeft} />
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="complaint-text-heading" className="mt-8">
        <h2 id="complaint-text-heading" className="ds-heading" data-size="sm">
          {t("staff.complaintHeading")}
        </h2>
        <p className="ds-paragraph mt-2 max-w-prose whitespace-pre-wrap" data-testid="complaint-body">
          {view.body}
        </p>
      </section>

      <section aria-labelledby="complaint-case-heading" className="mt-8">
        <h2 id="complaint-case-heading" className="ds-heading" data-size="sm">
          {t("staff.caseHeading")}
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("staff.colReference")}</dt>
          <dd>
            <Link className="ds-link" href={`/staff/cases/${view.case.reference}`} data-testid="case-link">
              {t("staff.caseLink", { reference: view.case.reference })}
            </Link>
          </dd>
          <dt className="font-semibold">{t("staff.caseStatusLabel")}</dt>
          <dd>{tAll(caseStatusI18nKey(view.case.status, "staff"))}</dd>
          <dt className="font-semibold">{t("staff.caseDueLabel")}</dt>
          <dd>{formatDateLong(view.case.dueDate, locale)}</dd>
          <dt className="font-semibold">{t("staff.caseUnitLabel")}</dt>
          <dd>{view.case.unitName ?? t("staff.noUnit")}</dd>
        </dl>
      </section>

      <section id="answer" aria-labelledby="complaint-answer-heading" className="mt-8">
        {view.status === "open" ? (
          <>
            <h2 id="complaint-answer-heading" className="ds-heading" data-size="sm">
              {t("staff.answerFormHeading")}
            </h2>
            <div className="mt-2">
              <ComplaintForm
                maxLength={ANSWER_MAX_LENGTH}
                kind="answer"
                action={answerComplaintAction}
                hidden={{ complaintId: view.id }}
                fieldId="complaint-answer"
                label={t("staff.answerLabel")}
                help={t("staff.answerHelp")}
                button={t("staff.answerSubmit")}
                summaryHeading={t("errors.summaryHeading")}
                errorTexts={errorTexts}
                unexpectedText={t("errors.unexpected", { errorId: "{errorId}" })}
              />
            </div>
          </>
        ) : (
          <>
            <h2 id="complaint-answer-heading" className="ds-heading" data-size="sm">
              {t("staff.answerHeading")}
            </h2>
            <p className="ds-paragraph mt-2" data-size="sm">
              {t("staff.answeredBy", {
                date: formatDateLong(osloDateOf(view.answeredAt ?? view.receivedAt), locale),
                name: view.answeredByName ?? "–",
              })}
            </p>
            <p className="ds-paragraph mt-2 max-w-prose whitespace-pre-wrap" data-testid="complaint-answer-text">
              {view.answer}
            </p>
          </>
        )}
      </section>
    </>
  );
}
