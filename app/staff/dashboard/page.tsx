// The DPO / unit lead dashboard, "now" part: the headline on-time rate (this month and the 11
// before it, overdue open cases counting as late), key figures of the open cases, the named list
// of overdue cases, open cases by status and by right, complaints and the background jobs. Each
// table downloads for Excel and as CSV. A server component: works without JavaScript. Anyone
// without dashboard.view gets 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { dashboardNow } from "@/lib/dashboard/dashboard-now";
import { dashboardOnTime } from "@/lib/dashboard/dashboard-on-time";
import type { DashboardTable } from "@/lib/dashboard/dashboard-csv";
import { formatDateLong, formatDateShort } from "@/lib/domain/calendar";
import { hasPermission } from "@/lib/domain/policy";
import { DashboardAdminLog } from "@/components/staff/admin/DashboardAdminLog";
import { isLocale } from "@/i18n/locales";
import { DashboardComplaints } from "@/components/complaints/DashboardComplaints";
import { DataTable } from "@/components/ui/DataTable";
import { DownloadLinks } from "@/components/dashboard/DownloadLinks";
import { JobStatusSection } from "@/components/dashboard/JobStatusSection";
import { IntegrationHealthSection } from "@/components/dashboard/IntegrationHealthSection";
import { OnTimeCard } from "@/components/dashboard/OnTimeCard";
import { ScrollRegion } from "@/components/dashboard/ScrollRegion";
import { rightsShortLabel } from "@/components/staff/right-labels";
import { now as clockNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "dashboard.view")) notFound();
  const now = clockNow();
  const [data, onTime, t, tTrends, tAll, localeRaw] = await Promise.all([
    dashboardNow(actor, { now }),
    dashboardOnTime(actor, { now }),
    getTranslations("dashboard"),
    getTranslations("trends"),
    getTranslations(),
    getLocale(),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const headline: { key: string; label: string; value: number }[] = [
    { key: "totalOpen", label: t("totalOpen"), value: data.totalOpen },
    { key: "overdue", label: t("overdue"), value: data.overdueCount },
    { key: "dueSoon", label: t("dueSoon"), value: data.dueSoon },
    { key: "unassigned", label: t("unassigned"), value: data.unassigned },
    { key: "paused", label: t("paused"), value: data.paused },
    { key: "extended", label: t("extended"), value: data.extended },
  ];
  const downloads = (table: DashboardTable, headingId: string) => (
    <DownloadLinks
      testId={table}
      href={`/api/dashboard/csv?table=${table}`}
      describedBy={headingId}
      csvLabel={t("downloadCsv")}
      excelLabel={t("downloadExcel")}
    />
  );

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro", { today: formatDateLong(data.today, locale) })}</p>
      <p className="ds-paragraph mt-2">
        <Link className="ds-link" href="/staff/dashboard/trends" data-testid="trends-link">
          {t("trendsLink")}
        </Link>
      </p>

      <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <OnTimeCard
          onTime={onTime.onTime}
          from={onTime.from}
          to={onTime.to}
          today={onTime.today}
          locale={locale}
          periodNote={tTrends("onTimeCard.defaultPeriod")}
          link={{ href: "/staff/dashboard/trends#on-time-heading", label: t("onTimeTrendsLink"), testId: "on-time-trends-link" }}
        />
        <section aria-labelledby="dash-headline" className="ds-card p-4 sm:p-6" data-testid="dashboard-headline-section">
          <h2 className="ds-heading" data-size="xs" id="dash-headline">
            {t("headlineHeading")}
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-3" data-testid="dashboard-headline">
            {headline.map((h) => (
              <div key={h.key} className="rounded-lg border border-[var(--ds-color-neutral-border-subtle)] p-3 sm:p-4" data-testid={`headline-${h.key}`}>
                <dt className="ds-paragraph" data-size="sm">
                  {h.label}
                </dt>
                <dd className="ds-heading mt-1" data-size="lg">
                  {h.value}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <p className="ds-paragraph mt-8 max-w-prose" data-size="sm" data-testid="download-help">
        {t("downloadHelp")}
      </p>

      <section aria-labelledby="dash-overdue" className="mt-6">
        <h2 className="ds-heading" data-size="sm" id="dash-overdue">
          {t("overdueHeading")}
        </h2>
        {data.overdue.length === 0 ? (
          <p className="ds-paragraph mt-2">{t("overdueNone")}</p>
        ) : (
          <>
            {data.overdueCount > data.overdue.length && (
              <p className="ds-paragraph mt-2">{t("overdueCapped", { shown: data.overdue.length, total: data.overdueCount })}</p>
            )}
            <ScrollRegion label={t("overdueCaption")} className="mt-2">
              <table className="ds-table" data-zebra="true" data-size="sm" data-testid="table-overdue">
                <caption className="ds-sr-only">{t("overdueCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("colReference")}</th>
                    <th scope="col">{t("colRights")}</th>
                    <th scope="col">{t("colUnit")}</th>
                    <th scope="col">{t("colAssignee")}</th>
                    <th scope="col">{t("colDue")}</th>
                    <th scope="col">{t("colDaysOverdue")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.overdue.map((r) => (
                    <tr key={r.id} data-reference={r.reference}>
                      <th scope="row" className="whitespace-nowrap">
                        <Link className="ds-link" href={`/staff/cases/${r.reference}`}>
                          {r.reference}
                        </Link>
                      </th>
                      <td>{rightsShortLabel(tAll, r.rights)}</td>
                      <td>{r.unitName ?? t("noUnit")}</td>
                      <td>{r.assigneeName ?? t("noAssignee")}</td>
                      <td className="whitespace-nowrap">{formatDateShort(r.dueDate, locale)}</td>
                      <td>{r.daysOverdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
        {downloads("overdue", "dash-overdue")}
      </section>

      <div className="mt-10 grid grid-cols-1 gap-10 xl:grid-cols-2">
        <section aria-labelledby="dash-status">
          <h2 className="ds-heading" data-size="sm" id="dash-status">
            {t("byStatusHeading")}
          </h2>
          <ScrollRegion label={t("byStatusCaption")} className="mt-2">
            <DataTable
              testId="table-status"
              caption={t("byStatusCaption")}
              columns={[t("colStatus"), t("colCount")]}
              rows={data.byStatus.map((r) => ({ key: r.status, cells: [t(`status.${r.status}`), r.count] }))}
            />
          </ScrollRegion>
          {downloads("status", "dash-status")}
        </section>

        <section aria-labelledby="dash-right">
          <h2 className="ds-heading" data-size="sm" id="dash-right">
            {t("byRightHeading")}
          </h2>
          <ScrollRegion label={t("byRightCaption")} className="mt-2">
            <DataTable
              testId="table-right"
              caption={t("byRightCaption")}
              columns={[t("colRight"), t("colCount")]}
              rows={data.byRight.map((r) => ({ key: r.right, cells: [rightsShortLabel(tAll, [r.right]), r.count] }))}
            />
          </ScrollRegion>
          {downloads("right", "dash-right")}
        </section>
      </div>

      <div className="grid grid-cols-1 gap-x-10 xl:grid-cols-2">
        <div className="min-w-0">
          <DashboardComplaints actor={actor} locale={locale} />
        </div>
        <div className="min-w-0">
          <JobStatusSection actor={actor} locale={locale} />
          <IntegrationHealthSection actor={actor} locale={locale} />
        </div>
      </div>
      <DashboardAdminLog actor={actor} locale={locale} />
    </>
  );
}
