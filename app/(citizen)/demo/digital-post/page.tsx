// What the SvarUt stand-in has received (demo mode only, 404 otherwise, like /demo/mailbox): each
// forsendelse with its masked recipient, channel, statuses and documents. Read on the server from
// the stand-in (lib/dev/demo-platform.ts); no JavaScript needed.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isDemoSvarUtEnabled, listDemoForsendelser, type DemoForsendelse } from "@/lib/dev/demo-platform";
import { isLocale, type Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import { formatDateTime, formatSize } from "@/components/my-cases/format";

export const dynamic = "force-dynamic";

const KNOWN_STATUSES = ["MOTTATT", "AKSEPTERT", "LEVERT_SDP", "LEST", "SENDT_PRINT", "PRINTET", "IKKE_LEVERT", "MANUELT_HANDTERT"] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];
const isKnownStatus = (s: string): s is KnownStatus => (KNOWN_STATUSES as readonly string[]).includes(s);

function Time({ date, locale }: { date: Date; locale: Locale }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, locale)}</time>;
}

function archiveNumber(year: number | null | undefined, sequence: number | null | undefined): string | null {
  return year != null && sequence != null ? `${year}/${sequence}` : null;
}

type T = Translator<"platformDemo.digitalPost">;

/** The status in plain words; a status this page does not know is shown as SvarUt wrote it. */
function statusText(t: T, status: string): string {
  return isKnownStatus(status) ? t(`statuses.${status}`) : status;
}

function ForsendelseCard({ f, t, locale }: { f: DemoForsendelse; t: T; locale: Locale }) {
  const current = f.statusHistory.at(-1);
  const caseNumber = archiveNumber(f.caseReference?.caseYear, f.caseReference?.caseSequence);
  const journalNumber = archiveNumber(f.caseReference?.journalYear, f.caseReference?.journalSequence);
  const headingId = `forsendelse-${f.id}`;
  return (
    <li className="ds-card p-4" data-testid="demo-forsendelse" data-id={f.id} data-channel={f.channel}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="ds-heading break-words" data-size="xs">
          {f.title}
        </h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("currentStatus")}</dt>
          <dd data-testid="demo-forsendelse-status" data-status={current?.status ?? ""}>
            {current ? statusText(t, current.status) : "–"}
          </dd>
          <dt className="font-semibold">{t("recipient")}</dt>
          <dd className="break-all">{f.recipientNationalIdMasked}</dd>
          <dt className="font-semibold">{t("channelLabel")}</dt>
          <dd>{t(`channel.${f.channel}`)}</dd>
          <dt className="font-semibold">{t("level4Label")}</dt>
          <dd>{f.requireLevel4Login ? t("level4Yes") : t("level4No")}</dd>
          <dt className="font-semibold">{t("received")}</dt>
          <dd>
            <Time date={f.receivedAt} locale={locale} />
          </dd>
          {f.externalReference && (
            <>
              <dt className="font-semibold">{t("externalReference")}</dt>
              <dd className="break-all">{f.externalReference}</dd>
            </>
          )}
          {caseNumber && (
            <>
              <dt className="font-semibold">{t("archiveCase")}</dt>
              <dd>{caseNumber}</dd>
            </>
          )}
          {journalNumber && (
            <>
              <dt className="font-semibold">{t("archiveJournal")}</dt>
              <dd>{journalNumber}</dd>
            </>
          )}
        </dl>
        <h3 className="ds-heading mt-4" data-size="2xs">
          {t("history")}
        </h3>
        <ol className="mt-1 text-sm" data-testid="demo-forsendelse-history">
          {f.statusHistory.map((s, i) => (
            <li key={i}>
              <Time date={s.at} locale={locale} />: {statusText(t, s.status)}
            </li>
          ))}
        </ol>
        {f.documents.length > 0 && (
          <>
            <h3 className="ds-heading mt-4" data-size="2xs">
              {t("documents")}
            </h3>
            <ul className="mt-1 flex flex-col gap-1 text-sm">
              {f.documents.map((d, i) => (
                <li key={i}>
                  {/* A route handler (a PDF), not a page: no prefetch. */}
                  <Link className="ds-link break-all" href={`/demo/digital-post/${f.id}/documents/${i}`} prefetch={false} data-testid="demo-forsendelse-document">
                    {t("openDocument", { fileName: d.fileName, size: formatSize(d.size, locale) })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    </li>
  );
}

export default async function DemoDigitalPostPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  if (!isDemoSvarUtEnabled()) notFound();
  const [t, localeRaw, params] = await Promise.all([getTranslations("platformDemo.digitalPost"), getLocale(), searchParams]);
  const locale: Locale = isLocale(localeRaw) ? localeRaw : "nb";
  const q = (typeof params.q === "string" ? params.q : "").trim().slice(0, 200);
  const forsendelser = await listDemoForsendelser(q);
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
          <label className="ds-label" htmlFor="digital-post-q">
            {t("filterLabel")}
          </label>
          <input id="digital-post-q" className="ds-input" type="text" name="q" defaultValue={q} autoComplete="off" />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("filterButton")}
        </button>
      </form>
      {forsendelser === null ? (
        <div className="ds-alert mt-6" data-color="danger" role="alert" data-testid="demo-platform-unavailable">
          <p className="ds-paragraph">{t("unavailable")}</p>
        </div>
      ) : forsendelser.length === 0 ? (
        <p className="ds-paragraph mt-6" data-testid="demo-forsendelse-empty">
          {q ? t("noMatches", { q }) : t("empty")}
        </p>
      ) : (
        <ul className="mt-6 flex flex-col gap-4">
          {forsendelser.map((f) => (
            <ForsendelseCard key={f.id} f={f} t={t} locale={locale} />
          ))}
        </ul>
      )}
    </>
  );
}
