// The staff case page: a workspace in two columns on wide screens. The work column (what the case
// allows now, as buttons, with the chosen form; tasks; decisions; complaints; retention) sits beside
// the reading column (facts, the request, the conversation, files, the timeline). On narrow screens
// the facts and the work panel come first.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getCaseAssignment } from "@/lib/cases/case-assignment";
import { staffGetCase, staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { downloadPath } from "@/lib/files/signed-link";
import { isLocale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import { isOneOf } from "@/i18n/translator";
import { UploadForm } from "@/components/my-cases/UploadForm";
import { MessageForm } from "@/components/my-cases/MessageForm";
import { formatDateTime, formatSize } from "@/components/my-cases/format";
import { CaseHeader } from "@/components/staff/case/CaseHeader";
import { CaseTimeline } from "@/components/staff/case/CaseTimeline";
import { CaseActionPanel, CaseDecisions, CaseTasks, NoteResult, SECTION_DONE_MESSAGES, isCaseActionId } from "@/components/staff/case/CaseWorkForms";
import { AssignmentDone } from "@/components/staff/case/AssignPanel";
import { LegalHoldPanel } from "@/components/staff/case/LegalHoldPanel";
import { PlatformPanel } from "@/components/staff/case/PlatformPanel";
import { RequestDetailsSection } from "@/components/staff/case/RequestDetailsSection";
import { StaffCaseComplaints } from "@/components/complaints/StaffCaseComplaints";
import { LetterText } from "@/components/letters/LetterText";
import { markFollowUpHandledAction, sendStaffMessageAction } from "./actions";
import { createExportAction } from "./letter/actions";
import { isUuid } from "@/lib/domain/uuid";

export const dynamic = "force-dynamic";

const UPLOAD_ERRORS: Readonly<Record<string, keyof Messages["myCases"]["errors"]>> = { missing: "fileMissing", empty: "fileEmpty", too_large: "fileTooLarge", type: "answerFileType" };
const DONE_KEYS = [
  "registered",
  "asked",
  "resumed",
  "extended",
  "decided",
  "noteAdded",
  "taskAdded",
  "taskDone",
  "restricted",
  "lifted",
  "complexSet",
  "complexCleared",
  "followUpHandled",
  "reopened",
  "closedUnanswered",
] as const;
/** Results of the case-rule changes (messages in caseRules.done). */
const RULES_DONE_KEYS = ["taskAssigned", "decidedOpenTasks"] as const;

type Search = {
  sent?: string;
  uploaded?: string;
  uploadError?: string;
  done?: string;
  denied?: string;
  act?: string;
  assignment?: string;
  hold?: string;
  platform?: string;
  exported?: string;
  exportError?: string;
};

export default async function StaffCasePage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Search> }) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  const actor = await requireStaffActor();
  const [view, work, assignment] = await Promise.all([
    staffGetCase(actor, reference),
    staffGetCaseWork(actor, reference),
    getCaseAssignment(actor, reference),
  ]);
  if (!view || !work) notFound();
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const searchRecord = search as Record<string, string | undefined>;
  const errorTexts = Object.fromEntries((["messageEmpty", "messageTooLong", "messageInvalid", "caseClosed", "notAllowed"] as const).map((k) => [k, t(`myCases.errors.${k}`)]));
  const uploadErrorKey = search.uploadError ? (UPLOAD_ERRORS[search.uploadError] ?? "unexpected") : null;
  const uploadError = uploadErrorKey ? t(`myCases.errors.${uploadErrorKey}`, { errorId: "-" }) : undefined;
  const doneKey = isOneOf([...DONE_KEYS, ...RULES_DONE_KEYS], search.done) ? search.done : null;
  // Tasks and notes show their result next to their own section (where the page returns to).
  const topDoneKey = doneKey && !(doneKey in SECTION_DONE_MESSAGES) ? doneKey : null;
  const flash = search.sent
    ? t("myCases.staff.messageSent")
    : search.uploaded
      ? t("myCases.staff.answerUploaded")
      : search.exported
        ? t("letters.page.exported")
      : topDoneKey
        ? t(isOneOf(RULES_DONE_KEYS, topDoneKey) ? `caseRules.done.${topDoneKey}` : `caseWork.done.${topDoneKey}`)
        : null;
  const act = isCaseActionId(search.act) ? search.act : null;

  return (
    <>
      <p>
        <Link className="ds-link" href="/staff">
          {t("myCases.staff.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2" data-size="md">
        {t("myCases.staff.caseHeading", { reference: view.reference })}
      </h1>
      <div id="case-alerts" tabIndex={-1}>
        {flash && (
          <div className="ds-alert mt-4" data-color="success" role="status" data-testid="flash">
            <p className="ds-paragraph">{flash}</p>
          </div>
        )}
        {search.denied && (
          <div className="ds-alert mt-4" data-color="danger" role="alert" data-testid="denied">
            <p className="ds-paragraph">{t("caseWork.errors.notAllowed")}</p>
          </div>
        )}
        <AssignmentDone search={searchRecord} />
        {view.followUpAt && (
          <div className="ds-alert mt-4" data-color="warning" data-testid="follow-up">
            <h2 className="ds-heading" data-size="2xs">
              {t("caseWork.followUp.heading")}
            </h2>
            <p className="ds-paragraph mt-1">{t("caseWork.followUp.body", { when: formatDateTime(view.followUpAt, locale) })}</p>
            {view.canMessage && (
              <form action={markFollowUpHandledAction} className="mt-3 flex flex-wrap items-center gap-4">
                <input type="hidden" name="reference" value={view.reference} />
                <a className="ds-link" href="#conversation">
                  {t("caseWork.followUp.answer")}
                </a>
                <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                  {t("caseWork.followUp.handled")}
                </button>
              </form>
            )}
          </div>
        )}
      </div>

      <CaseHeader view={work} locale={locale} />

      <div className="pv-case-layout mt-6">
        <div className="pv-case-work flex flex-col gap-6">
          <CaseActionPanel view={work} locale={locale} act={act} assignment={assignment} />

          <section id="tasks" aria-labelledby="tasks-heading" tabIndex={-1}>
            <h2 id="tasks-heading" className="ds-heading" data-size="xs">
              {t("caseWork.tasks.heading")}
            </h2>
            <CaseTasks view={work} locale={locale} done={doneKey} />
          </section>

          <section id="decision" aria-labelledby="decision-heading">
            <h2 id="decision-heading" className="ds-heading" data-size="xs">
              {t("caseWork.decide.sectionHeading")}
            </h2>
            <CaseDecisions view={work} locale={locale} />
            <p className="ds-paragraph mt-3">
              <Link className="ds-link" href={`/staff/cases/${view.reference}/letter`}>
                {t("caseWork.letter.link")}
              </Link>
            </p>
          </section>

          <StaffCaseComplaints actor={actor} reference={view.reference} locale={locale} />
          <LegalHoldPanel actor={actor} reference={view.reference} locale={locale} search={searchRecord} />
          <PlatformPanel actor={actor} reference={view.reference} locale={locale} search={searchRecord} />
        </div>

        <div className="pv-case-main flex min-w-0 flex-col gap-8">
          <RequestDetailsSection actor={actor} reference={view.reference} locale={locale} search={searchRecord} />

          <section id="conversation" aria-labelledby="conversation-heading">
            <h2 id="conversation-heading" className="ds-heading" data-size="sm">
              {t("myCases.staff.conversationHeading")}
            </h2>
            {view.messages.length === 0 ? (
              <p className="ds-paragraph mt-2">{t("myCases.staff.conversationEmpty")}</p>
            ) : (
              <ol className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="messages">
                {view.messages.map((m) => (
                  <li key={m.id} className="ds-card p-4" data-kind={m.kind} data-letter={m.letter || undefined}>
                    <p className="ds-paragraph text-sm font-semibold">
                      {t("myCases.messageMeta", {
                        from: t(m.kind === "from_requester" ? "myCases.staff.fromRequester" : "myCases.staff.toRequester"),
                        when: formatDateTime(m.createdAt, locale),
                      })}
                    </p>
                    {m.letter ? (
                      <div className="mt-2">
                        <LetterText text={m.body} />
                      </div>
                    ) : (
                      <p className="ds-paragraph mt-1 whitespace-pre-wrap">{m.body}</p>
                    )}
                    {m.files.length > 0 && (
                      <ul className="ds-list mt-3">
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
            {!view.canWriteNow ? (
              view.closed && <p className="ds-paragraph mt-2">{t("caseWork.followUp.closedForMessages")}</p>
            ) : view.canMessage ? (
              <div className="mt-4">
                <MessageForm
                  action={sendStaffMessageAction}
                  reference={view.reference}
                  fieldId="staff-message-body"
                  label={t("myCases.staff.messageLabel")}
                  help={t("myCases.staff.messageHelp")}
                  button={t("myCases.staff.messageSend")}
                  summaryHeading={t("myCases.errors.summaryHeading")}
                  errorTexts={errorTexts}
                  unexpectedText={t("myCases.errors.unexpected", { errorId: "{errorId}" })}
                />
              </div>
            ) : (
              <p className="ds-paragraph mt-2">{t("myCases.staff.noMessagePermission")}</p>
            )}
          </section>

          <section id="files" aria-labelledby="files-heading">
            <h2 id="files-heading" className="ds-heading" data-size="sm">
              {t("myCases.staff.filesHeading")}
            </h2>
            {view.attachments.length === 0 ? (
              <p className="ds-paragraph mt-2">{t("myCases.staff.filesEmpty")}</p>
            ) : (
              <ul className="ds-list mt-2" data-testid="files">
                {view.attachments.map((a) => (
                  <li key={a.id}>
                    <a className="ds-link" href={downloadPath(a.id)} download>
                      {t("myCases.download", { name: a.fileName, size: formatSize(a.sizeBytes, locale) })}
                    </a>{" "}
                    <span className="ds-tag" data-size="sm">
                      {t(`myCases.staff.purposes.${a.purpose}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {view.canMessage && (
              <div id="export" className="mt-6 max-w-prose" tabIndex={-1}>
                <h3 className="ds-heading" data-size="xs">
                  {t("letters.page.exportHeading")}
                </h3>
                <p className="ds-paragraph mt-1" data-size="sm">
                  {t("letters.page.exportIntro")}
                </p>
                {search.exportError && isUuid(search.exportError) && (
                  <div className="ds-alert mt-2" data-color="danger" role="alert">
                    <p className="ds-paragraph">{t("letters.errors.exportFailed", { errorId: search.exportError })}</p>
                  </div>
                )}
                <form action={createExportAction} className="mt-3">
                  <input type="hidden" name="reference" value={view.reference} />
                  <input type="hidden" name="back" value="case" />
                  <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                    {t("letters.page.exportButton")}
                  </button>
                </form>
              </div>
            )}
            {view.canMessage && (
              <UploadForm
                formId="answer-upload"
                fieldId="answer-file"
                action="/api/files/staff-upload"
                kind="answer"
                reference={view.reference}
                error={uploadError}
                texts={{
                  heading: t("myCases.staff.answerUploadHeading"),
                  label: t("myCases.staff.answerUploadLabel"),
                  help: t("myCases.staff.answerUploadHelp"),
                  button: t("myCases.staff.answerUploadButton"),
                  errorHeading: t("myCases.errors.summaryHeading"),
                  choose: t("myCases.filePicker.choose"),
                  none: t("myCases.filePicker.none"),
                }}
              />
            )}
          </section>

          <section id="timeline" aria-labelledby="timeline-heading" tabIndex={-1}>
            <h2 id="timeline-heading" className="ds-heading" data-size="sm">
              {t("caseWork.timeline.heading")}
            </h2>
            <NoteResult done={doneKey} />
            <CaseTimeline entries={work.timeline} locale={locale} />
          </section>
        </div>
      </div>
    </>
  );
}
