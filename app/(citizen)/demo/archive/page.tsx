// What the archive stand-in (Fiks Arkiv over Fiks IO, an in-memory Noark 5 archive) has received
// (demo mode only, 404 otherwise, like /demo/mailbox): each case folder (saksmappe) with its
// numbers and its journal entries (journalposter), with links to the arkivmelding XML and the
// PDFs. Read on the server from the stand-in's viewer (lib/dev/demo-platform.ts); no JavaScript.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isDemoArchiveEnabled, listDemoArchiveFolders, type DemoArchiveFolder } from "@/lib/dev/demo-platform";
import { isLocale, type Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { formatDateTime, formatSize } from "@/components/my-cases/format";

export const dynamic = "force-dynamic";

type T = Translator<"platformDemo.archive">;

function Time({ date, locale }: { date: Date; locale: Locale }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, locale)}</time>;
}

function FolderSection({ folder, t, locale }: { folder: DemoArchiveFolder; t: T; locale: Locale }) {
  const headingId = `archive-folder-${folder.systemId}`;
  return (
    <section aria-labelledby={headingId} className="ds-card p-4" data-testid="demo-archive-folder" data-case-number={folder.caseNumber}>
      <h2 id={headingId} className="ds-heading break-words" data-size="xs">
        {folder.title}
      </h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("caseNumber")}</dt>
        <dd data-testid="demo-archive-case-number">{folder.caseNumber}</dd>
        <dt className="font-semibold">{t("statusLabel")}</dt>
        <dd data-testid="demo-archive-folder-status" data-status={folder.status}>
          {t(`status.${folder.status}`)}
        </dd>
        <dt className="font-semibold">{t("created")}</dt>
        <dd>
          <Time date={folder.createdAt} locale={locale} />
        </dd>
        {folder.closedAt && (
          <>
            <dt className="font-semibold">{t("closed")}</dt>
            <dd>
              <Time date={folder.closedAt} locale={locale} />
            </dd>
          </>
        )}
        {folder.caseKey && (
          <>
            <dt className="font-semibold">{t("caseKey")}</dt>
            <dd className="break-all">{folder.caseKey}</dd>
          </>
        )}
      </dl>
      {folder.entries.length === 0 ? (
        <p className="ds-paragraph mt-3 text-sm">{t("noEntries")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="ds-table" data-size="sm" data-zebra="true">
            <caption className="ds-sr-only">{t("entriesCaption", { caseNumber: folder.caseNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colEntry")}</th>
                <th scope="col">{t("colTitle")}</th>
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colFiles")}</th>
              </tr>
            </thead>
            <tbody>
              {folder.entries.map((entry) => (
                <tr key={entry.systemId} data-testid="demo-archive-entry" data-entry-reference={entry.entryReference} data-type={entry.type}>
                  <th scope="row" className="align-top">
                    <span className="block break-all" data-testid="demo-archive-entry-reference">
                      {entry.entryReference}
                    </span>
                    <span className="block font-normal">{t(`type.${entry.type}`)}</span>
                  </th>
                  <td className="align-top">
                    <span className="block break-words">{entry.title}</span>
                    <span className="block text-sm" data-testid="demo-archive-entry-screened" data-screened={entry.screened ? "true" : "false"}>
                      {entry.screened ? t("screened") : t("notScreened")}
                    </span>
                    {entry.answeredBy && <span className="block text-sm">{t("answeredBy", { reference: entry.answeredBy })}</span>}
                  </td>
                  <td className="align-top">
                    <Time date={entry.receivedAt} locale={locale} />
                  </td>
                  <td className="align-top">
                    <ul className="flex flex-col gap-1">
                      <li>
                        {/* Route handlers (XML, PDF), not pages: no prefetch. */}
                        <Link className="ds-link" href={`/demo/archive/${entry.systemId}/xml`} prefetch={false} data-testid="demo-archive-entry-xml">
                          {t("xml")}
                        </Link>
                      </li>
                      {entry.files.map((file) => (
                        <li key={file.index}>
                          <Link className="ds-link break-all" href={`/demo/archive/${entry.systemId}/files/${file.index}`} prefetch={false} data-testid="demo-archive-entry-file">
                            {t("openFile", { fileName: file.fileName, size: formatSize(file.size, locale) })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default async function DemoArchivePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  if (!isDemoArchiveEnabled()) notFound();
  const [t, localeRaw, params] = await Promise.all([getTranslations("platformDemo.archive"), getLocale(), searchParams]);
  const locale: Locale = isLocale(localeRaw) ? localeRaw : "nb";
  const q = (typeof params.q === "string" ? params.q : "").trim().slice(0, 200);
  const folders = await listDemoArchiveFolders(q);
  return (
    <>
      <div className="ds-alert" data-color="warning">
        <h1 className="ds-heading" data-size="md">
          {t("heading")}
        </h1>
        <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      </div>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search">
        <div className="ds-field">
          <label className="ds-label" htmlFor="archive-q">
            {t("filterLabel")}
          </label>
          <input id="archive-q" className="ds-input" type="text" name="q" defaultValue={q} autoComplete="off" />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("filterButton")}
        </button>
      </form>
      {folders === null ? (
        <div className="ds-alert mt-6" data-color="danger" role="alert" data-testid="demo-platform-unavailable">
          <p className="ds-paragraph">{t("unavailable")}</p>
        </div>
      ) : folders.length === 0 ? (
        <p className="ds-paragraph mt-6" data-testid="demo-archive-empty">
          {q ? t("noMatches", { q }) : t("empty")}
        </p>
      ) : (
        <div className="mt-6 flex flex-col gap-4">
          {folders.map((folder) => (
            <FolderSection key={folder.systemId} folder={folder} t={t} locale={locale} />
          ))}
        </div>
      )}
    </>
  );
}
