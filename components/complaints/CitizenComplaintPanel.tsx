// "Klage til personvernombudet" on the citizen's case page: what the DPO can do, how to reach them,
// the complaint form (one open complaint per case) and the case's complaints with their answers.
// Shown for open and closed cases alike: complaints usually come after the answer.
import { getTranslations } from "next-intl/server";
import { COMPLAINT_BODY_MAX } from "@/lib/domain/complaints";
import { notFound } from "next/navigation";
import type { CitizenSession } from "@/lib/citizen-auth/types";
import { citizenComplaints } from "@/lib/complaints/citizen-complaints";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import type { Locale } from "@/i18n/locales";
import { fileComplaintAction } from "@/app/(citizen)/my-cases/[reference]/complaint-actions";
import { ComplaintForm } from "./ComplaintForm";

const ERROR_KEYS = ["empty", "tooShort", "tooLong", "invalid", "alreadyOpen", "rateLimited"] as const;

export async function CitizenComplaintPanel({
  citizen,
  reference,
  locale,
  search,
}: {
  citizen: CitizenSession;
  reference: string;
  locale: Locale;
  search: Record<string, string | undefined>;
}) {
  const view = await citizenComplaints(citizen, reference);
  if (!view) notFound();
  const t = await getTranslations("complaints");
  const open = view.complaints.find((c) => c.status === "open");
  const dpo = view.dpo;
  const hasContact = Boolean(dpo.name || dpo.email || dpo.phone || dpo.postalAddress);
  const errorTexts = Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)]));

  return (
    <section id="complaints" aria-labelledby="complaints-heading" className="mt-8" data-testid="complaint-panel">
      <h2 id="complaints-heading" className="ds-heading" data-size="sm">
        {t("citizen.heading")}
      </h2>

      {search.complained && open && (
        <div className="ds-alert mt-4" data-color="success" role="status" data-testid="complaint-filed">
          <p className="ds-paragraph">{t("citizen.filed", { due: formatDateLong(open.dueDate, locale) })}</p>
        </div>
      )}

      <div className="mt-2 flex max-w-prose flex-col gap-2">
        <p className="ds-paragraph">{t("citizen.intro")}</p>
        <p className="ds-paragraph">{t("citizen.independent")}</p>
        <p className="ds-paragraph">{t("citizen.datatilsynet")}</p>
      </div>

      <h3 className="ds-heading mt-4" data-size="xs">
        {t("citizen.contactHeading")}
      </h3>
      {hasContact ? (
        <>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="dpo-contact">
            {dpo.name && (
              <>
                <dt className="font-semibold">{t("citizen.contactName")}</dt>
                <dd>{dpo.name}</dd>
              </>
            )}
            {dpo.email && (
              <>
                <dt className="font-semibold">{t("citizen.contactEmail")}</dt>
                <dd>
                  <a className="ds-link" href={`mailto:${dpo.email}`}>
                    {dpo.email}
                  </a>
                </dd>
              </>
            )}
            {dpo.phone && (
              <>
                <dt className="font-semibold">{t("citizen.contactPhone")}</dt>
                <dd>{dpo.phone}</dd>
              </>
            )}
            {dpo.postalAddress && (
              <>
                <dt className="font-semibold">{t("citizen.contactPostal")}</dt>
                <dd>{dpo.postalAddress}</dd>
              </>
            )}
          </dl>
          {dpo.email && <p className="ds-paragraph mt-2 max-w-prose">{t("citizen.contactEmailNote")}</p>}
        </>
      ) : (
        <p className="ds-paragraph mt-2">{t("citizen.contactNone")}</p>
      )}

      {view.complaints.length > 0 && (
        <>
          <h3 className="ds-heading mt-6" data-size="xs">
            {t("citizen.listHeading")}
          </h3>
          {view.needsHighLevel && (
            <div className="ds-alert mt-2" data-color="warning">
              <p className="ds-paragraph">{t("citizen.highLevelNote")}</p>
              <p className="ds-paragraph">
                <a className="ds-link" href={`/my-cases/${reference}?secure=1#complaints`}>
                  {t("citizen.highLevelLink")}
                </a>
              </p>
            </div>
          )}
          <ol className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="complaints">
            {view.complaints.map((c) => (
              <li key={c.id} className="ds-card p-4" data-status={c.status}>
                <p className="ds-paragraph font-semibold">{t("citizen.sentOn", { date: formatDateLong(osloDateOf(c.receivedAt), locale) })}</p>
                <p className="ds-paragraph" data-testid="complaint-status">
                  {c.status === "open"
                    ? t("citizen.statusOpen", { due: formatDateLong(c.dueDate, locale) })
                    : t("citizen.statusAnswered", { date: formatDateLong(osloDateOf(c.answeredAt ?? c.receivedAt), locale) })}
                </p>
                {c.body !== null && (
                  <>
                    <h4 className="ds-heading mt-2" data-size="2xs">
                      {t("citizen.yourText")}
                    </h4>
                    <p className="ds-paragraph whitespace-pre-wrap">{c.body}</p>
                  </>
                )}
                {c.answer !== null && (
                  <>
                    <h4 className="ds-heading mt-2" data-size="2xs">
                      {t("citizen.answerHeading")}
                    </h4>
                    <p className="ds-paragraph whitespace-pre-wrap" data-testid="complaint-answer">
                      {c.answer}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}

      <h3 className="ds-heading mt-6" data-size="xs">
        {t("citizen.formHeading")}
      </h3>
      {view.mayFile ? (
        <div className="mt-2">
          <ComplaintForm
            maxLength={COMPLAINT_BODY_MAX}
            kind="complaint"
            action={fileComplaintAction}
            hidden={{ reference }}
            fieldId="complaint-body"
            label={t("citizen.label")}
            help={t("citizen.help")}
            button={t("citizen.submit")}
            summaryHeading={t("errors.summaryHeading")}
            errorTexts={errorTexts}
            unexpectedText={t("errors.unexpected", { errorId: "{errorId}" })}
          />
        </div>
      ) : (
        <p className="ds-paragraph mt-2 max-w-prose" data-testid="complaint-open-notice">
          {t("citizen.openNotice")}
        </p>
      )}
    </section>
  );
}
