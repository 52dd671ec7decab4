import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { staffGetCase } from "@/lib/cases/staff-get-case";
import { formatDateLong } from "@/lib/domain/calendar";
import { downloadPath } from "@/lib/files/signed-link";
import { isLocale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { MessageForm } from "@/components/my-cases/MessageForm";
import { formatDateTime, formatSize } from "@/components/my-cases/format";
import { sendStaffMessageAction } from "./actions";

export const dynamic = "force-dynamic";

const UPLOAD_ERRORS: Record<string, string> = { missing: "fileMissing", empty: "fileEmpty", too_large: "fileTooLarge", type: "fileType" };

export default async function StaffCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ sent?: string; uploaded?: string; uploadError?: string }>;
}) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  const actor = await requireStaffActor();
  const view = await staffGetCase(actor, reference);
  if (!view) notFound();
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const errorTexts = Object.fromEntries(["messageEmpty", "messageTooLong", "caseClosed"].map((k) => [k, t(`myCases.errors.${k}`)]));
  const uploadErrorKey = search.uploadError ? (UPLOAD_ERRORS[search.uploadError] ?? "unexpected") : null;
  const uploadError = uploadErrorKey ? t(`myCases.errors.${uploadErrorKey}`, { errorId: "-" }) : undefined;
  const flash = search.sent ? t("myCases.staff.messageSent") : search.uploaded ? t("myCases.staff.answerUploaded") : null;

  return (
    <>
      <p>
        <Link className="ds-link" href="/staff">
          {t("myCases.staff.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("myCases.staff.caseHeading", { reference: view.reference })}
      </h1>
      {flash && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{flash}</p>
        </div>
      )}

      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("myCases.staff.rightsLabel")}</dt>
        <dd>{view.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</dd>
        <dt className="font-semibold">{t("myCases.staff.requesterLabel")}</dt>
        <dd data-testid="requester-name">{view.requesterName}</dd>
        <dt className="font-semibold">{t("myCases.staff.identityLabel")}</dt>
        <dd>{t(`myCases.staff.identityLevels.${view.identityLevel}`)}</dd>
        <dt className="font-semibold">{t("myCases.staff.unitLabel")}</dt>
        <dd>{view.unitName ?? t("myCases.staff.noUnit")}</dd>
        <dt className="font-semibold">{t("myCases.staff.statusLabel")}</dt>
        <dd data-testid="case-status">
          {t(`caseStatus.${view.status}`)}
          {view.extended && <span className="ds-tag ml-2">{t("myCases.staff.extended")}</span>}
        </dd>
        <dt className="font-semibold">{t("myCases.staff.dueLabel")}</dt>
        <dd>
          {formatDateLong(view.dueDate, locale)}
          {!view.closed && (
            <>
              {" "}
              (<DaysLeft days={view.daysLeft} />)
            </>
          )}
        </dd>
      </dl>

      <section id="conversation" aria-labelledby="conversation-heading" className="mt-8">
        <h2 id="conversation-heading" className="ds-heading" data-size="sm">
          {t("myCases.staff.conversationHeading")}
        </h2>
        {view.messages.length === 0 ? (
          <p className="ds-paragraph mt-2">{t("myCases.staff.conversationEmpty")}</p>
        ) : (
          <ol className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="messages">
            {view.messages.map((m) => (
              <li key={m.id} className="ds-card p-4" data-kind={m.kind}>
                <p className="ds-paragraph text-sm font-semibold">
                  {t("myCases.messageMeta", {
                    from: t(m.kind === "from_requester" ? "myCases.staff.fromRequester" : "myCases.staff.toRequester"),
                    when: formatDateTime(m.createdAt, locale),
                  })}
                </p>
                <p className="ds-paragraph mt-1 whitespace-pre-wrap">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
        {view.closed ? null : view.canMessage ? (
          <div className="mt-4">
            <MessageForm
              action={sendStaffMessageAction.bind(null, view.reference)}
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

      <section id="files" aria-labelledby="files-heading" className="mt-8">
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
                <span className="ds-tag">{t(`myCases.staff.purposes.${a.purpose}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {view.canMessage && (
          <form
            id="answer-upload"
            method="post"
            action="/api/files/staff-upload"
            encType="multipart/form-data"
            className="mt-6 flex max-w-prose flex-col gap-4"
          >
            <h3 className="ds-heading" data-size="xs">
              {t("myCases.staff.answerUploadHeading")}
            </h3>
            <ErrorSummary
              heading={t("myCases.errors.summaryHeading")}
              errors={uploadError ? [{ fieldId: "answer-file", message: uploadError }] : []}
            />
            <input type="hidden" name="reference" value={view.reference} />
            <FormField id="answer-file" label={t("myCases.staff.answerUploadLabel")} help={t("myCases.staff.answerUploadHelp")} error={uploadError}>
              <input type="file" name="file" className="ds-input" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required />
            </FormField>
            <div>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("myCases.staff.answerUploadButton")}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
