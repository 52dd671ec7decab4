// The headline figure of the dashboard and of the statistics page: the share decided on time in a
// period, where open cases past their due date count as late (onTimeRate in lib/domain/statistics).
// The counts behind the percentage are always written out in words next to it, and the period and
// the way it is counted are on the card: nothing is told by colour alone. A server component.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OnTimeRate } from "@/lib/domain/statistics";
import { formatDay, periodDays, type Month } from "@/lib/dashboard/trend-filters";

export async function OnTimeCard(props: {
  onTime: OnTimeRate;
  from: Month;
  to: Month;
  today: string;
  locale: "nb" | "nn" | "en";
  /** A sentence under the period (the dashboard says it is the statistics' default period). */
  periodNote?: string;
  link?: { href: string; label: string; testId: string };
}) {
  const t = await getTranslations("trends.onTimeCard");
  const { onTime, locale } = props;
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const days = periodDays(props.from, props.to, props.today);
  const period = days.untilToday
    ? t("periodToday", { from: formatDay(days.first, locale), today: formatDay(days.last, locale) })
    : t("periodRange", { from: formatDay(days.first, locale), to: formatDay(days.last, locale) });
  return (
    <section aria-labelledby="on-time-card-heading" className="ds-card flex h-full flex-col gap-3 p-4 sm:p-6" data-variant="tinted" data-color="accent" data-testid="on-time-card">
      <h2 className="ds-heading" data-size="xs" id="on-time-card-heading">
        {t("heading")}
      </h2>
      <p className="ds-heading" data-size="2xl" data-testid="on-time-rate">
        {onTime.rate === null ? t("noRate") : `${num.format(onTime.rate)} %`}
      </p>
      <p className="ds-paragraph" data-size="md" data-testid="on-time-summary">
        {onTime.counted === 0 ? t("none") : t("summary", { onTime: onTime.answeredOnTime, counted: onTime.counted })}
      </p>
      {onTime.counted > 0 && (
        <ul className="ds-list" aria-label={t("countsLabel")} data-testid="on-time-counts">
          <li data-testid="on-time-answered-on-time">{t("answeredOnTime", { n: onTime.answeredOnTime })}</li>
          <li data-testid="on-time-answered-late">{t("answeredLate", { n: onTime.answeredLate })}</li>
          <li data-testid="on-time-open-overdue">{t("openOverdue", { n: onTime.openOverdue })}</li>
        </ul>
      )}
      <p className="ds-paragraph" data-size="sm" data-testid="on-time-period">
        {period}
        {props.periodNote && <> {props.periodNote}</>}
      </p>
      {/* In a wrapper: a details element straight inside a card takes the card's padding away. */}
      <div>
        <details className="ds-details" data-testid="on-time-how">
          <summary>{t("howHeading")}</summary>
          <div>
            <p className="ds-paragraph" data-size="sm">
              {t("how")}
            </p>
          </div>
        </details>
      </div>
      {props.link && (
        <p className="ds-paragraph mt-auto" data-size="sm">
          <Link className="ds-link" href={props.link.href} data-testid={props.link.testId}>
            {props.link.label}
          </Link>
        </p>
      )}
    </section>
  );
}
