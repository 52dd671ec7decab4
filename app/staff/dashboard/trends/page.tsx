// The DPO / unit lead dashboard, "over time" part: headline figures of the whole period (the
// on-time rate with overdue open cases counting as late, received, decided, days to answer), then
// per Oslo calendar month: received vs closed, on-time rate, days to answer (median, 90th
// percentile), extensions by ground, refusals by legal basis and identity strength, for a unit /
// right / channel / period chosen in a GET form. Each statistic has a server-rendered SVG chart, the
// table behind it and downloads for Excel and as CSV. A server component: works without
// JavaScript. Anyone without dashboard.view gets 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Translator } from "@/i18n/translator";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listUnitChoices } from "@/lib/admin/unit-choices";
import { dashboardTrends, EXTENSION_GROUND_KEYS } from "@/lib/dashboard/dashboard-trends";
import { formatMonth, parseTrendFilters, trendQueryString, type TrendFilters } from "@/lib/dashboard/trend-filters";
import type { TrendTable as TrendTableName } from "@/lib/dashboard/trends-csv";
import { hasPermission } from "@/lib/domain/policy";
import { isLegalBasisId } from "@/lib/domain/rights";
import { isLocale } from "@/i18n/locales";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TrendFilterForm } from "@/components/dashboard/TrendFilterForm";
import { TrendSection } from "@/components/dashboard/TrendSection";
import { OnTimeCard } from "@/components/dashboard/OnTimeCard";
import { DataTable } from "@/components/ui/DataTable";
import { BarChart } from "@/components/dashboard/charts/BarChart";
import { HorizontalBarChart } from "@/components/dashboard/charts/HorizontalBarChart";
import { LineChart } from "@/components/dashboard/charts/LineChart";
import { now as clockNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, 100);

export default async function DashboardTrendsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "dashboard.view")) notFound();
  const [params, units, t, tAll, localeRaw] = await Promise.all([
    searchParams,
    listUnitChoices(actor),
    getTranslations("trends"),
    getTranslations(),
    getLocale(),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const { filters, errors } = parseTrendFilters(params, { now: clockNow(), allowedUnits: units.map((u) => u.id) });
  // What the user typed stays in the form, even when it is wrong.
  const values = {
    unit: first(params.unit),
    right: first(params.right),
    channel: first(params.channel),
    from: errors.some((e) => e.field === "from") ? first(params.from) : filters.from,
    to: errors.some((e) => e.field === "to") ? first(params.to) : filters.to,
  };

  return (
    <>
      <p className="ds-paragraph">
        <Link className="ds-link" href="/staff/dashboard">
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {errors.length > 0 && (
        <div className="mt-4">
          <ErrorSummary
            heading={t("errorHeading")}
            errors={errors.map((e) => ({ fieldId: `trend-${e.field}`, message: t(`errors.${e.code}`) }))}
          />
        </div>
      )}
      <TrendFilterForm values={values} units={units} errors={errors} />
      {errors.length === 0 && <TrendStatistics actorFilters={filters} locale={locale} t={t} tAll={tAll} actor={actor} />}
    </>
  );
}

type T = Translator<"trends">;
type TAll = Translator;

async function TrendStatistics({
  actor,
  actorFilters: filters,
  locale,
  t,
  tAll,
}: {
  actor: Awaited<ReturnType<typeof requireStaffActor>>;
  actorFilters: TrendFilters;
  locale: "nb" | "nn" | "en";
  t: T;
  tAll: TAll;
}) {
  const data = await dashboardTrends(actor, filters);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const none = t("none");
  const show = (v: number | null) => (v === null ? none : num.format(v));
  const pct = (v: number | null) => (v === null ? none : `${num.format(v)} %`);
  const query = trendQueryString(filters);
  const csv = (table: TrendTableName) => ({
    href: `/api/dashboard/trends-csv?table=${table}${query ? `&${query}` : ""}`,
    csvLabel: t("downloadCsv"),
    excelLabel: t("downloadExcel"),
  });
  const axis = data.months.map((m) => formatMonth(m, locale, "short"));
  const long = (m: string) => formatMonth(m, locale, "long");
  const from = long(filters.from);
  const to = long(filters.to);
  const sum = (f: (r: (typeof data.monthly)[number]) => number) => data.monthly.reduce((s, r) => s + f(r), 0);
  const summary = data.summary;
  const figures: { key: string; label: string; value: string }[] = [
    { key: "received", label: t("summary.received"), value: num.format(summary.received) },
    { key: "closed", label: t("summary.closed"), value: num.format(summary.closed) },
    { key: "decided", label: t("summary.decided"), value: num.format(summary.decided) },
    { key: "extended", label: t("summary.extended"), value: num.format(data.extensions.total) },
    { key: "reopened", label: t("summary.reopened"), value: num.format(summary.reopened) },
    { key: "median", label: t("summary.median"), value: show(summary.medianDays) },
    { key: "p90", label: t("summary.p90"), value: show(summary.p90Days) },
  ];
  const lastDecided = [...data.monthly].reverse().find((r) => r.medianDays !== null);
  const refusalTotal = data.refusals.reduce((s, r) => s + r.count, 0);
  const identityTotal = data.identity.reduce((s, r) => s + r.count, 0);
  const basisLabel = (id: string, citation: string) => (isLegalBasisId(id) ? `${citation} – ${tAll(`caseWork.legalBases.${id}`)}` : citation);

  return (
    <>
      <p className="ds-paragraph mt-6" data-testid="trend-period">
        {t("period", { from, to })}
      </p>

      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <OnTimeCard onTime={summary.onTime} from={filters.from} to={filters.to} today={data.today} locale={locale} />
        <section aria-labelledby="summary-heading" className="ds-card p-4 sm:p-6" data-testid="trend-summary">
          <h2 className="ds-heading" data-size="xs" id="summary-heading">
            {t("summary.heading")}
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            {figures.map((f) => (
              <div key={f.key} className="rounded-lg border border-[var(--ds-color-neutral-border-subtle)] p-3 sm:p-4" data-testid={`summary-${f.key}`}>
                <dt className="ds-paragraph" data-size="sm">
                  {f.label}
                </dt>
                <dd className="ds-heading mt-1" data-size="lg">
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <p className="ds-paragraph mt-8 max-w-prose" data-size="sm" data-testid="download-help">
        {t("downloadHelp")}
      </p>

      <TrendSection
        id="monthly"
        heading={t("monthly.heading")}
        chartLabel={t("chartRegion", { name: t("monthly.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("monthly.caption") })}
        chart={
          <BarChart
            id="chart-monthly"
            title={t("monthly.chartTitle")}
            description={t("monthly.chartDesc", { from, to, received: sum((r) => r.received), closed: sum((r) => r.closed) })}
            categories={axis}
            series={[
              { label: t("series.received"), values: data.monthly.map((r) => r.received) },
              { label: t("series.closed"), values: data.monthly.map((r) => r.closed) },
            ]}
            locale={locale}
          />
        }
        table={
          <DataTable
            testId="table-monthly"
            caption={t("monthly.caption")}
            columns={[t("col.month"), t("col.received"), t("col.closed")]}
            rows={data.monthly.map((r) => ({ key: r.month, cells: [long(r.month), r.received, r.closed] }))}
          />
        }
        downloads={csv("monthly")}
      />

      <TrendSection
        id="on-time"
        heading={t("onTime.heading")}
        chartLabel={t("chartRegion", { name: t("onTime.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("onTime.caption") })}
        explain={t("onTime.explain")}
        chart={
          <LineChart
            id="chart-on-time"
            title={t("onTime.chartTitle")}
            description={t("onTime.chartDesc", { onTime: summary.onTime.answeredOnTime, counted: summary.onTime.counted, rate: pct(summary.onTime.rate) })}
            categories={axis}
            series={[{ label: t("series.onTimeRate"), values: data.monthly.map((r) => r.onTimeRate) }]}
            yMax={100}
            unit=" %"
            locale={locale}
          />
        }
        table={
          <DataTable
            testId="table-on-time"
            caption={t("onTime.caption")}
            columns={[t("col.month"), t("col.decided"), t("col.onTime"), t("col.openOverdue"), t("col.onTimeRate")]}
            rows={data.monthly.map((r) => ({ key: r.month, cells: [long(r.month), r.decided, r.onTime, r.openOverdue, pct(r.onTimeRate)] }))}
          />
        }
        downloads={csv("monthly")}
      />

      <TrendSection
        id="duration"
        heading={t("duration.heading")}
        chartLabel={t("chartRegion", { name: t("duration.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("duration.caption") })}
        explain={t("duration.explain")}
        chart={
          <LineChart
            id="chart-duration"
            title={t("duration.chartTitle")}
            description={
              lastDecided
                ? t("duration.chartDesc", { median: show(lastDecided.medianDays), p90: show(lastDecided.p90Days) })
                : t("duration.chartDescEmpty")
            }
            categories={axis}
            series={[
              { label: t("series.median"), values: data.monthly.map((r) => r.medianDays) },
              { label: t("series.p90"), values: data.monthly.map((r) => r.p90Days) },
            ]}
            locale={locale}
          />
        }
        table={
          <DataTable
            testId="table-duration"
            caption={t("duration.caption")}
            columns={[t("col.month"), t("col.decided"), t("col.median"), t("col.p90")]}
            rows={data.monthly.map((r) => ({ key: r.month, cells: [long(r.month), r.decided, show(r.medianDays), show(r.p90Days)] }))}
          />
        }
        downloads={csv("monthly")}
      />

      <TrendSection
        id="extensions"
        heading={t("extensions.heading")}
        chartLabel={t("chartRegion", { name: t("extensions.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("extensions.caption") })}
        explain={t("extensions.explain")}
        chart={
          <HorizontalBarChart
            id="chart-extensions"
            title={t("extensions.chartTitle")}
            description={t("extensions.chartDesc", { total: data.extensions.total, received: data.extensions.received })}
            items={EXTENSION_GROUND_KEYS.map((g) => ({ label: t(`grounds.${g}`), value: data.extensions.totals[g] }))}
            locale={locale}
          />
        }
        table={
          <DataTable
            testId="table-extensions"
            caption={t("extensions.caption")}
            columns={[t("col.month"), ...EXTENSION_GROUND_KEYS.map((g) => t(`grounds.${g}`)), t("col.total")]}
            rows={[
              ...data.extensions.byMonth.map((r) => ({ key: r.month, cells: [long(r.month), ...EXTENSION_GROUND_KEYS.map((g) => r[g]), r.total] })),
              { key: "total", cells: [t("col.total"), ...EXTENSION_GROUND_KEYS.map((g) => data.extensions.totals[g]), data.extensions.total] },
            ]}
          />
        }
        downloads={csv("extensions")}
      />

      <TrendSection
        id="refusals"
        heading={t("refusals.heading")}
        chartLabel={data.refusals.length === 0 ? undefined : t("chartRegion", { name: t("refusals.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("refusals.caption") })}
        explain={t("refusals.explain")}
        chart={
          data.refusals.length === 0 ? (
            <p className="ds-paragraph">{t("refusals.empty")}</p>
          ) : (
            <HorizontalBarChart
              id="chart-refusals"
              title={t("refusals.chartTitle")}
              description={t("refusals.chartDesc", { total: refusalTotal })}
              items={data.refusals.map((r) => ({ label: r.citation, value: r.count }))}
              locale={locale}
            />
          )
        }
        table={
          <DataTable
            testId="table-refusals"
            caption={t("refusals.caption")}
            columns={[t("col.legalBasis"), t("col.count")]}
            rows={data.refusals.map((r) => ({ key: r.basisId, cells: [basisLabel(r.basisId, r.citation), r.count] }))}
          />
        }
        downloads={csv("refusals")}
      />

      <TrendSection
        id="identity"
        heading={t("identity.heading")}
        chartLabel={t("chartRegion", { name: t("identity.chartTitle") })}
        tableLabel={t("tableRegion", { name: t("identity.caption") })}
        explain={t("identity.explain")}
        chart={
          <HorizontalBarChart
            id="chart-identity"
            title={t("identity.chartTitle")}
            description={t("identity.chartDesc", { total: identityTotal })}
            items={data.identity.map((r) => ({ label: tAll(`staffQueue.identity.${r.level}`), value: r.count }))}
            locale={locale}
          />
        }
        table={
          <DataTable
            testId="table-identity"
            caption={t("identity.caption")}
            columns={[t("col.identity"), t("col.count")]}
            rows={data.identity.map((r) => ({ key: r.level, cells: [tAll(`staffQueue.identity.${r.level}`), r.count] }))}
          />
        }
        downloads={csv("identity")}
      />
    </>
  );
}
