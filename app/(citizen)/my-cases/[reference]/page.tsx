import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen, requireCitizenLevel } from "@/lib/citizen-auth/session";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { downloadPath } from "@/lib/files/signed-link";
import { isLocale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import { underscored } from "@/i18n/translator";
import { UploadForm } from "@/components/my-cases/UploadForm";
import { MessageForm } from "@/components/my-cases/MessageForm";
import { formatDateTime, formatSize } from "@/components/my-cases/format";
import { CitizenComplaintPanel } from "@/components/complaints/CitizenComplaintPanel";
import { LetterText } from "@/components/letters/LetterText";
import { municipalityContact as loadMunicipalityContact } from "@/lib/admin/profile-contact";
import { sendCitizenMessageAction } from "./actions";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

export const dynamic = "force-dynamic";

const UPLOAD_ERRORS: Readonly<Record<string, keyof Messages["myCases"]["errors"]>> = {
  missing: "fileMissing",
  empty: "fileEmpty",
  too_large: "fileTooLarge",
  type: "fileType",
  rate_limited: "rateLimited",
  closed: "caseClosed",
  step_up: "stepUp",
};

type Search = { sent?: string; answered?: string; uploaded?: string; uploadError?: string; withdrawn?: string; secure?: string };

export default async function MyCasePage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Search> }) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  if (!isCanonicalCaseReference(reference)) notFound();
  const returnTo = `/my-cases/${reference}`;
  const citizen = await requireCitizen(returnTo);
  const view = await citizenGetCase(citizen, reference);
  if (!view) notFound();
  // Special-category case: asking for messages and files means signing in at level high first.
  if (view.needsHighLevel && search.secure === "1") await requireCitizenLevel("idporten_high", returnTo);

  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const errorTexts = Object.fromEntries(
    (["messageEmpty", "messageTooLong", "messageInvalid", "caseClosed", "rateLimited", "conflict"] as const).map((k) => [k, t(`myCases.errors.${k}`)]),
  );
  const uploadErrorKey = search.uploadError ? (UPLOAD_ERRORS[search.uploadError] ?? "unexpected") : null;
  const uploadError = uploadErrorKey ? t(`myCases.errors.${uploadErrorKey}`, { errorId: "-" }) : undefined;
  const municipality = await loadMunicipalityContact();
  const municipalityContact = [municipality.postmottakEmail, municipality.phone, municipality.postalAddress].filter(Boolean).join(", ");
  // A letter's PDF is offered beside the letter in the thread, not again among the answer files.
  const letterFileIds = new Set(view.messages.filter((m) => m.letter).flatMap((m) => m.files.map((f) => f.id)));
  const answerFiles = view.attachments.filter((a) => a.purpose === "answer" && !letterFileIds.has(a.id));
  const ownFiles = view.attachments.filter((a) => a.purpose === "from_requester");
  const flash = search.withdrawn
    ? t("myCases.withdrawn")
    : search.answered
      ? t("myCases.answerSent")
      : search.sent
        ? view.closed
          ? t("myCases.followUpSent")
          : t("myCases.messageSent")
        : search.uploaded
          ? t("myCases.uploaded")
          : null;

  return (
    <>
      <p>
        <Link className="ds-link" href="/my-cases">
          {t("myCases.backToList")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("myCases.caseHeading", { reference: view.reference })}
      </h1>

      {flash && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{flash}</p>
        </div>
      )}

      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("myCases.rightsLabel")}</dt>
        <dd>{view.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</dd>
        {view.concerns.onBehalfOf !== "self" && (
          <>
            <dt className="font-semibold">{t("myCases.concernsLabel")}</dt>
            <dd data-testid="case-concerns">
              {t("myCases.concerns", { onBehalfOf: view.concerns.onBehalfOf, name: view.concerns.subjectName ?? "–" })}
              {view.concerns.onBehalfOf === "guardian" && !view.closed && (
                <span className="block text-sm" data-testid="guardian-document-note">
                  {t("myCases.guardianDocument")}
                </span>
              )}
            </dd>
          </>
        )}
        <dt className="font-semibold">{t("myCases.receivedLabel")}</dt>
        <dd>{formatDateLong(osloDateOf(view.receivedAt), locale)}</dd>
        <dt className="font-semibold">{t("myCases.statusLabel")}</dt>
        <dd data-testid="case-status">{t(`caseStatus.${view.status}`)}</dd>
        {!view.closed && (
          <>
            <dt className="font-semibold">{t("myCases.dueLabel")}</dt>
            <dd data-testid="case-due">{formatDateLong(view.dueDate, locale)}</dd>
          </>
        )}
        {view.maskedNationalId && (
          <>
            <dt className="font-semibold">{t("myCases.nationalIdLabel")}</dt>
            <dd>{view.maskedNationalId}</dd>
          </>
        )}
      </dl>
      <p className="mt-4">
        <a className="ds-link" href={`/api/receipts/${view.reference}/pdf`} download data-testid="receipt-pdf-link">
          {t("myCases.receiptPdf")}
        </a>
      </p>

      {view.extended && (
        <div className="ds-alert mt-6" data-color="info">
          <h2 className="ds-heading" data-size="xs">
            {t("myCases.extendedHeading")}
          </h2>
          <p className="ds-paragraph">{t("myCases.extendedBody")}</p>
          {view.extensionReason && <p className="ds-paragraph whitespace-pre-wrap">{view.extensionReason}</p>}
        </div>
      )}
      {view.status === "awaiting_requester" && (
        <div className="ds-alert mt-6" data-color="warning">
          <h2 className="ds-heading" data-size="xs">
            {t("myCases.awaitingHeading")}
          </h2>
          <p className="ds-paragraph">{t("myCases.awaitingBody")}</p>
        </div>
      )}
      {view.closed && (
        <div className="ds-alert mt-6" data-color="info" data-testid="closed-notice">
          <p className="ds-paragraph">
            {view.mayWrite && view.followUpUntil
              ? t("myCases.followUpNotice", { date: formatDateLong(view.followUpUntil, locale) })
              : t("myCases.closedNotice", { contact: municipalityContact, reference: view.reference })}
          </p>
        </div>
      )}

      <h2 className="ds-heading mt-8" data-size="sm">
        {t("myCases.timelineHeading")}
      </h2>
      <ol className="ds-list mt-2" data-testid="timeline">
        {view.timeline.map((e, i) => (
          <li key={i}>
            <span className="font-semibold">{formatDateLong(osloDateOf(e.at), locale)}:</span>{" "}
            {e.type === "case.registered" || e.type === "case.requester_linked"
              ? t(`citizenLink.timeline.${e.type === "case.registered" ? "case_registered" : "case_requester_linked"}`, { channel: e.detail ?? "", method: e.detail ?? "" })
              : t(`myCases.events.${underscored(e.type)}`, { actor: e.actor })}{" "}
            <span className="text-sm">({t("myCases.actor", { actor: e.actor })})</span>
          </li>
        ))}
      </ol>

      <section id="messages" aria-labelledby="messages-heading" className="mt-8">
        <h2 id="messages-heading" className="ds-heading" data-size="sm">
          {t("myCases.messagesHeading")}
        </h2>
        {view.needsHighLevel ? (
          <div className="ds-alert mt-2" data-color="warning">
            <h3 className="ds-heading" data-size="xs">
              {t("myCases.highLevelHeading")}
            </h3>
            {citizen.method === "email_code" ? (
              // Filed with an e-mail code: ID-porten is another identity and cannot take the case over
              // (lib/citizen-auth/link-requesters.ts), so a step-up would end on "not found".
              <p className="ds-paragraph">{t("myCases.highLevelEmailCodeBody")}</p>
            ) : (
              <>
                <p className="ds-paragraph">{t("myCases.highLevelBody")}</p>
                <p className="ds-paragraph">
                  <a className="ds-link" href={`/my-cases/${view.reference}?secure=1`}>
                    {t("myCases.highLevelLink")}
                  </a>
                </p>
              </>
            )}
          </div>
        ) : (
          <>
            {view.messages.length === 0 ? (
              <p className="ds-paragraph mt-2">{t("myCases.messagesEmpty")}</p>
            ) : (
              <ol className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="messages">
                {view.messages.map((m) => (
                  <li key={m.id} className="ds-card p-4" data-from={m.from} data-letter={m.letter || undefined}>
                    <p className="ds-paragraph text-sm font-semibold">
                      {t("myCases.messageMeta", { from: t("myCases.actor", { actor: m.from }), when: formatDateTime(m.createdAt, locale) })}
                    </p>
                    {m.letter ? (
                      <div className="mt-2">
                        <LetterText text={m.body} />
                      </div>
                    ) : (
                      <p className="ds-paragraph mt-1 whitespace-pre-wrap">{m.body}</p>
                    )}
                    {m.files.length > 0 && (
                      <ul className="ds-list mt-3" data-testid="message-files">
                        {m.files.map((f) => (
                          <li key={f.id}>
                            <a className="ds-link" href={downloadPath(f.id)} download>
                              {m.letter ? t("myCases.letterPdf", { size: formatSize(f.sizeBytes, locale) }) : t("myCases.download", { name: f.fileName, size: formatSize(f.sizeBytes, locale) })}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {view.mayWrite && (
              <div className="mt-4">
                <MessageForm
                  action={sendCitizenMessageAction}
                  reference={view.reference}
                  fieldId="message-body"
                  label={t("myCases.messageLabel")}
                  help={t("myCases.messageHelp")}
                  button={t("myCases.messageSend")}
                  summaryHeading={t("myCases.errors.summaryHeading")}
                  errorTexts={errorTexts}
                  unexpectedText={t("myCases.errors.unexpected", { errorId: "{errorId}" })}
                />
              </div>
            )}
          </>
        )}
      </section>

      {!view.needsHighLevel && (
        <section id="files" aria-labelledby="files-heading" className="mt-8">
          <h2 id="files-heading" className="ds-heading" data-size="sm">
            {t("myCases.filesHeading")}
          </h2>
          <h3 className="ds-heading mt-4" data-size="xs">
            {t("myCases.answerFilesHeading")}
          </h3>
          {answerFiles.length === 0 ? (
            <p className="ds-paragraph mt-1">{t("myCases.answerFilesEmpty")}</p>
          ) : (
            <>
              <ul className="ds-list mt-1" data-testid="answer-files">
                {answerFiles.map((a) => (
                  <li key={a.id}>
                    <a className="ds-link" href={downloadPath(a.id)} download>
                      {t("myCases.download", { name: a.fileName, size: formatSize(a.sizeBytes, locale) })}
                    </a>
                  </li>
                ))}
              </ul>
              <p className="ds-paragraph mt-1" data-size="sm">
                {t("myCases.downloadNote")}
              </p>
            </>
          )}
          <h3 className="ds-heading mt-4" data-size="xs">
            {t("myCases.ownFilesHeading")}
          </h3>
          {ownFiles.length === 0 ? (
            <p className="ds-paragraph mt-1">{t("myCases.ownFilesEmpty")}</p>
          ) : (
            <ul className="ds-list mt-1" data-testid="own-files">
              {ownFiles.map((a) => (
                <li key={a.id}>
                  <a className="ds-link" href={downloadPath(a.id)} download>
                    {t("myCases.download", { name: a.fileName, size: formatSize(a.sizeBytes, locale) })}
                  </a>
                </li>
              ))}
            </ul>
          )}

          {view.mayWrite && (
            <UploadForm
              formId="upload-form"
              fieldId="upload-file"
              action="/api/files/upload"
              reference={view.reference}
              error={uploadError}
              texts={{
                heading: t("myCases.uploadHeading"),
                label: t("myCases.uploadLabel"),
                help: t("myCases.uploadHelp"),
                button: t("myCases.uploadButton"),
                errorHeading: t("myCases.errors.summaryHeading"),
                choose: t("myCases.filePicker.choose"),
                none: t("myCases.filePicker.none"),
              }}
            />
          )}
        </section>
      )}

      <CitizenComplaintPanel citizen={citizen} reference={view.reference} locale={locale} search={search as Record<string, string | undefined>} />

      {!view.closed && (
        <section aria-labelledby="withdraw-heading" className="mt-8">
          <h2 id="withdraw-heading" className="ds-heading" data-size="sm">
            {t("myCases.withdrawHeading")}
          </h2>
          <p className="ds-paragraph mt-2 max-w-prose">{t("myCases.withdrawIntro")}</p>
          <p className="mt-2">
            <Link className="ds-link" href={`/my-cases/${view.reference}/withdraw`}>
              {t("myCases.withdrawLink")}
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
