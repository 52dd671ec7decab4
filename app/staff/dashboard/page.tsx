// The DPO / unit lead dashboard, "now" part: key figures, open cases by status and by right, and the
// named list of overdue cases, each table downloadable as CSV. A server component: works without
// JavaScript. Anyone without dashboard.view gets 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { dashboardNow } from "@/lib/dashboard/dashboard-now";
import type { DashboardTable } from "@/lib/dashboard/dashboard-csv";
import { formatDateLong } from "@/lib/domain/calendar";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { DashboardComplaints } from "@/components/complaints/DashboardComplaints";
import { DataTable } from "@/components/ui/DataTable";
import { JobStatusSection } from "@/components/dashboard/JobStatusSection";

export const dynamic = "force-dynamic";

function CsvLink({ table, label, tableName }: { table: DashboardTable; label: string; tableName: string }) {
  return (
    <p className="ds-paragraph mt-2">
      <a className="ds-link" href={`/api/dashboard/csv?table=${table}`} data-testid={`csv-${table}`} download>
        {label}
        <span className="ds-sr-only">: {tableName}</span>
      </a>
    </p>
  );
}

export default async function DashboardPage() {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "dashboard.view")) notFound();
  const [data, t, tAll, localeRaw] = await Promise.all([
    dashboardNow(actor),
    getTranslations("dashboard"),
    getTranslations(),
    getLocale(),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const headline: { key: string; label: string; value: number }[] = [
    { key: "totalOpen", label: t("totalOpen"), value: data.totalOpen },
    { key: "dueSoon", label: t("dueSoon"), value: data.dueSoon },
    { key: "overdue", label: t("overdue"), value: data.overdueCount },
    { key: "paused", label: t("paused"), value: data.paused },
    { key: "extended", label: t("extended"), value: data.extended },
    { key: "unassigned", label: t("unassigned"), value: data.unassigned },
  ];

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

      <section aria-labelledby="dash-headline" className="mt-6">
        <h2 className="ds-heading" data-size="sm" id="dash-headline">
          {t("headlineHeading")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="dashboard-headline">
          {headline.map((h) => (
            <div key={h.key} className="ds-card p-4" data-testid={`headline-${h.key}`}>
              <dt className="ds-paragraph" data-size="sm">
                {h.label}
              </dt>
              <dd className="ds-heading" data-size="md">
                {h.value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <DashboardComplaints actor={actor} locale={locale} />

      <JobStatusSection actor={actor} locale={locale} />

      <section aria-labelledby="dash-status" className="mt-8">
        <h2 className="ds-heading" data-size="sm" id="dash-status">
          {t("byStatusHeading")}
        </h2>
        <div className="mt-2 overflow-x-auto">
          <DataTable
            testId="table-status"
            caption={t("byStatusCaption")}
            columns={[t("colStatus"), t("colCount")]}
            rows={data.byStatus.map((r) => ({ key: r.status, cells: [t(`status.${r.status}`), r.count] }))}
          />
        </div>
        <CsvLink table="status" label={t("download")} tableName={t("byStatusHeading")} />
      </section>

      <section aria-labelledby="dash-right" className="mt-8">
        <h2 className="ds-heading" data-size="sm" id="dash-right">
          {t("byRightHeading")}
        </h2>
        <div className="mt-2 overflow-x-auto">
          <DataTable
            testId="table-right"
            caption={t("byRightCaption")}
            columns={[t("colRight"), t("colCount")]}
            rows={data.byRight.map((r) => ({ key: r.right, cells: [tAll(`rights.${r.right}.title`), r.count] }))}
          />
        </div>
        <CsvLink table="right" label={t("download")} tableName={t("byRightHeading")} />
      </section>

      <section aria-labelledby="dash-overdue" className="mt-8">
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
            <div className="mt-2 overflow-x-auto">
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
                      <th scope="row">
                        <Link className="ds-link" href={`/staff/cases/${r.reference}`}>
                          {r.reference}
                        </Link>
                      </th>
                      <td>{r.rights.map((right) => tAll(`rights.${right}.title`)).join(", ")}</td>
                      <td>{r.unitName ?? t("noUnit")}</td>
                      <td>{r.assigneeName ?? t("noAssignee")}</td>
                      <td>{formatDateLong(r.dueDate, locale)}</td>
                      <td>{r.daysOverdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <CsvLink table="overdue" label={t("download")} tableName={t("overdueHeading")} />
      </section>
    </>
  );
}
