import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { staffCaseRef } from "@/lib/cases/case-access";
import { citationsOf } from "@/lib/letters/response-templates";
import { isLocale } from "@/i18n/locales";
import { LetterForm } from "@/components/staff/letters/LetterForm";
import { formatDateTime } from "@/components/my-cases/format";
import { createExportAction, recordNoRecipientsAction, sendLetterAction } from "./actions";
import { rightsShortLabel } from "@/components/staff/right-labels";
import { isUuid } from "@/lib/domain/uuid";

export const dynamic = "force-dynamic";

type Search = { sent?: string; exported?: string; exportError?: string; recipients?: string };

export default async function ResponseLetterPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Search> }) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  const actor = await requireStaffActor();
  const view = await getResponseLetterPage(actor, reference);
  if (!view) notFound();
  // The version the send form carries (optimistic locking: a second tab cannot send a second letter).
  const caseVersion = (await staffCaseRef(actor, reference))?.version ?? 0;
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const flash =
    search.sent === "portal"
      ? t("letters.page.sentPortal")
      : search.sent === "post"
        ? t("letters.page.sentPost")
        : search.sent === "svarut"
          ? t("letters.page.sentSvarut")
        : search.exported
          ? t("letters.page.exported")
          : null;
  const exportError = isUuid(search.exportError) ? t("letters.errors.exportFailed", { errorId: search.exportError }) : null;

  return (
    <>
      <p>
        <Link className="ds-link" href={`/staff/cases/${view.reference}`}>
          {t("letters.page.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("letters.page.heading", { reference: view.reference })}
      </h1>
      <div id="status">
        {flash && (
          <div className="ds-alert mt-4" data-color="success" role="status">
            <p className="ds-paragraph">{flash}</p>
          </div>
        )}
      </div>

      {view.draft === null ? (
        <div className="ds-alert mt-6" data-color="warning">
          <h2 className="ds-heading" data-size="xs">
            {t("letters.page.noDecisionsHeading")}
          </h2>
          <p className="ds-paragraph">{t("letters.page.noDecisionsBody")}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" href={`/staff/cases/${view.reference}`}>
              {t("letters.page.toCase")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="decisions-heading" className="mt-6">
            <h2 id="decisions-heading" className="ds-heading" data-size="sm">
              {t("letters.page.decisionsHeading")}
            </h2>
            <ul className="ds-list mt-2" data-testid="decisions">
              {view.decisions.map((d) => (
                <li key={d.right}>
                  <span className="font-semibold">{rightsShortLabel(t, [d.right])}:</span> {t(`letters.page.outcome.${d.outcome}`)}
                  {citationsOf(d).length > 0 && <> ({citationsOf(d).join(", ")})</>}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="letter-heading" className="mt-8 max-w-3xl">
            <h2 id="letter-heading" className="ds-heading" data-size="sm">
              {t("letters.page.draftHeading")}
            </h2>
            <p className="ds-paragraph mt-2">{t("letters.page.intro", { language: view.locale })}</p>
            {view.recipientNotice && (
              <div
                id="art19-note"
                className="ds-alert mt-4"
                data-color={view.recipientNotice.state === "no_recipients" ? "info" : "warning"}
                data-testid="art19-note"
              >
                <h3 className="ds-heading" data-size="xs">
                  {t("letters.page.art19Heading")}
                </h3>
                {search.recipients === "recorded" || search.recipients === "cleared" || search.recipients === "failed" ? (
                  <p className="ds-paragraph font-semibold" role="status">
                    {t(search.recipients === "recorded" ? "letters.page.art19Recorded" : search.recipients === "cleared" ? "letters.page.art19Cleared" : "letters.page.art19Failed")}
                  </p>
                ) : null}
                <p className="ds-paragraph">
                  {view.recipientNotice.state === "pending"
                    ? t("letters.page.art19Pending", { count: view.recipientNotice.open })
                    : view.recipientNotice.state === "no_recipients"
                      ? t("letters.page.art19NoRecipients")
                      : t("letters.page.art19NoTasks")}
                </p>
                {view.canRecordRecipients && view.recipientNotice.state !== "pending" && (
                  <form action={recordNoRecipientsAction} className="mt-2">
                    <input type="hidden" name="reference" value={view.reference} />
                    <input type="hidden" name="version" value={caseVersion} />
                    <input type="hidden" name="noRecipients" value={view.recipientNotice.state === "no_recipients" ? "no" : "yes"} />
                    <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                      {t(view.recipientNotice.state === "no_recipients" ? "letters.page.art19Clear" : "letters.page.art19Record")}
                    </button>
                  </form>
                )}
              </div>
            )}
            {(view.registerProblems || view.copyMissing) && (
              <div className="ds-alert mt-4" data-color="warning" data-testid="art15-note">
                {view.copyMissing && <p className="ds-paragraph">{t("records.send.pageNoCopy")}</p>}
                {view.registerProblems && (
                  <>
                    <p className="ds-paragraph">
                      {view.registerProblems.noSystems ? t("records.send.noSystems") : t("records.send.pageGap")}
                    </p>
                    {view.registerProblems.gaps.length > 0 && <p className="ds-paragraph">{t("records.send.registerGap", { systems: view.registerProblems.gaps.join(", ") })}</p>}
                  </>
                )}
                <p className="ds-paragraph">
                  <Link className="ds-link" href={`/staff/cases/${view.reference}#tasks`}>
                    {t("letters.page.toCase")}
                  </Link>
                </p>
              </div>
            )}
            {view.canSend ? (
              <LetterForm
                // A new draft after "no recipients" is recorded or taken back: a fresh form, not the kept text.
                key={`art19-${view.recipientNotice?.state ?? "done"}`}
                action={sendLetterAction}
                reference={view.reference}
                initialBody={view.draft}
                initialDelivery={view.defaultDelivery}
                version={caseVersion}
                reloadHref={`/staff/cases/${view.reference}/letter`}
                texts={{
                  summaryHeading: t("letters.errors.summaryHeading"),
                  bodyLabel: t("letters.page.bodyLabel"),
                  bodyHelp: t("letters.page.bodyHelp"),
                  deliveryLegend: t("letters.page.deliveryLegend"),
                  deliveryHelp: t("letters.page.deliveryHelp", { channel: t(`letters.page.channel.${view.answerChannel}`) }),
                  deliveryPortal: t("letters.page.deliveryPortal"),
                  deliveryPost: t("letters.page.deliveryPost"),
                  send: t("letters.page.send"),
                  reload: t("policyWork.letter.reload"),
                }}
              />
            ) : (
              <>
                <div className="ds-alert mt-4" data-color="info">
                  <p className="ds-paragraph">{t("letters.page.readOnly")}</p>
                </div>
                <div className="ds-card mt-4 whitespace-pre-wrap p-4 font-mono text-sm" data-testid="letter-draft">
                  {view.draft}
                </div>
              </>
            )}
          </section>
        </>
      )}

      {view.canExport && (
        <section id="export" aria-labelledby="export-heading" className="mt-8 max-w-prose">
          <h2 id="export-heading" className="ds-heading" data-size="sm">
            {t("letters.page.exportHeading")}
          </h2>
          <p className="ds-paragraph mt-2">{t("letters.page.exportIntro")}</p>
          {exportError && (
            <div className="ds-alert mt-2" data-color="danger" role="alert">
              <p className="ds-paragraph">{exportError}</p>
            </div>
          )}
          <form action={createExportAction} className="mt-4">
            <input type="hidden" name="reference" value={view.reference} />
            <input type="hidden" name="back" value="letter" />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("letters.page.exportButton")}
            </button>
          </form>
        </section>
      )}

      <section aria-labelledby="sent-heading" className="mt-8">
        <h2 id="sent-heading" className="ds-heading" data-size="sm">
          {t("letters.page.sentHeading")}
        </h2>
        {view.letters.length === 0 ? (
          <p className="ds-paragraph mt-2">{t("letters.page.sentEmpty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="ds-table" data-testid="case-letters">
              <caption className="ds-sr-only">{t("letters.page.sentCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("letters.page.colCreated")}</th>
                  <th scope="col">{t("letters.page.colKind")}</th>
                  <th scope="col">{t("letters.page.colDelivery")}</th>
                  <th scope="col">{t("letters.page.colStatus")}</th>
                  <th scope="col">{t("letters.page.colPdf")}</th>
                </tr>
              </thead>
              <tbody>
                {view.letters.map((l) => (
                  <tr key={l.id} data-letter-id={l.id}>
                    <td>{formatDateTime(l.createdAt, locale)}</td>
                    <td>{l.kind === "response" || l.kind === "receipt" ? t(`letters.kind.${l.kind}`) : l.kind}</td>
                    <td>{t(`letters.page.delivery.${l.delivery === "portal" ? "portal" : l.delivery === "svarut" ? "svarut" : "post"}`)}</td>
                    <td>{t(`letters.page.status.${l.delivery === "portal" ? "delivered" : l.delivery === "svarut" ? "svarut" : l.status}`)}</td>
                    <td>
                      <a className="ds-link" href={`/api/letters/${l.id}/pdf`}>
                        {t("letters.page.downloadPdf")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
