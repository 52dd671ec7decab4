// The demo clock (demo mode only, 404 otherwise, like /demo/mailbox): shows the portal's date and
// moves it, so a pause, the 7- and 2-day reminders and an overdue escalation can be shown without
// waiting for days (lib/clock.ts, README "Configuration"). Plain forms and server actions: works
// without JavaScript.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { clockAdjustable, clockOffsetMs, now, syncClock } from "@/lib/clock";
import { isDemoMailboxEnabled } from "@/lib/config/current";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
import { moveClockByDaysAction, moveClockToDateAction, resetClockAction, runDailyJobsAction } from "./actions";
import { isUuid } from "@/lib/domain/uuid";

export const dynamic = "force-dynamic";

type Search = { done?: string; error?: string; errorId?: string; reminders?: string; digests?: string };

function count(raw: string | undefined): number {
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
}

export default async function DemoClockPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (!clockAdjustable()) notFound();
  await syncClock();
  const [search, t, localeRaw] = await Promise.all([searchParams, getTranslations("demoClock"), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const portalNow = now();
  const offset = clockOffsetMs();
  const days = Math.trunc(Math.abs(offset) / 86_400_000);
  const hours = Math.round((Math.abs(offset) % 86_400_000) / 3_600_000);
  const offsetText = offset === 0 ? t("offsetNone") : t(offset > 0 ? "offsetForward" : "offsetBack", { days, hours });
  const dateError = search.error === "date";
  const errorId = isUuid(search.errorId) ? search.errorId : "";
  const notice =
    search.done === "moved"
      ? t("done.moved")
      : search.done === "reset"
        ? t("done.reset")
        : search.done === "jobs"
          ? t("done.jobs", { reminders: count(search.reminders), digests: count(search.digests) })
          : null;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {notice && (
        <div className="ds-alert mt-4" data-color="success" role="status" data-testid="demo-clock-notice">
          <p className="ds-paragraph">{notice}</p>
          {search.done === "jobs" && isDemoMailboxEnabled() && (
            <p className="ds-paragraph mt-2">
              <a className="ds-link" href="/demo/mailbox">
                {t("mailboxLink")}
              </a>
            </p>
          )}
        </div>
      )}
      {search.error === "unexpected" && (
        <div className="ds-alert mt-4" data-color="danger" role="alert">
          <p className="ds-paragraph">{t("unexpected", { errorId })}</p>
        </div>
      )}
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="demo-clock-status">
        <dt className="font-semibold">{t("portalTime")}</dt>
        <dd data-testid="demo-clock-portal-date" data-date={osloDateOf(portalNow)}>
          {formatDateTime(portalNow, locale)}
        </dd>
        <dt className="font-semibold">{t("realTime")}</dt>
        <dd>{formatDateTime(new Date(), locale)}</dd>
        <dt className="font-semibold">{t("offsetLabel")}</dt>
        <dd data-testid="demo-clock-offset">{offsetText}</dd>
      </dl>

      <section aria-labelledby="demo-clock-move" className="mt-8">
        <h2 id="demo-clock-move" className="ds-heading" data-size="sm">
          {t("moveHeading")}
        </h2>
        <form action={moveClockByDaysAction} className="mt-3 flex flex-wrap gap-3">
          <button type="submit" name="days" value="1" className="ds-button" data-variant="secondary">
            {t("plusOneDay")}
          </button>
          <button type="submit" name="days" value="7" className="ds-button" data-variant="secondary">
            {t("plusSevenDays")}
          </button>
        </form>
        <form action={moveClockToDateAction} className="mt-6 flex flex-wrap items-end gap-3" noValidate>
          <div className="ds-field">
            <label className="ds-label" htmlFor="demo-clock-date">
              {t("dateLabel")}
            </label>
            <p className="ds-paragraph" data-size="sm" id="demo-clock-date-help">
              {t("dateHelp")}
            </p>
            {dateError && (
              <p className="ds-validation-message" data-color="danger" id="demo-clock-date-error">
                {t("dateError")}
              </p>
            )}
            <input
              id="demo-clock-date"
              className="ds-input"
              type="date"
              name="date"
              required
              defaultValue={addDays(osloDateOf(portalNow), 7)}
              aria-describedby={dateError ? "demo-clock-date-help demo-clock-date-error" : "demo-clock-date-help"}
              aria-invalid={dateError || undefined}
            />
          </div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("dateSubmit")}
          </button>
        </form>
      </section>

      <section aria-labelledby="demo-clock-reset" className="mt-8">
        <h2 id="demo-clock-reset" className="ds-heading" data-size="sm">
          {t("resetHeading")}
        </h2>
        <form action={resetClockAction} className="mt-3">
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("reset")}
          </button>
        </form>
      </section>

      <section aria-labelledby="demo-clock-jobs" className="mt-8">
        <h2 id="demo-clock-jobs" className="ds-heading" data-size="sm">
          {t("jobsHeading")}
        </h2>
        <p className="ds-paragraph mt-2 max-w-prose">{t("jobsIntro")}</p>
        <form action={runDailyJobsAction} className="mt-3">
          <button type="submit" className="ds-button">
            {t("runJobs")}
          </button>
        </form>
      </section>
    </>
  );
}
