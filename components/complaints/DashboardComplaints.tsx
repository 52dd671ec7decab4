// Open complaints to the DPO with their own deadline, on the dashboard: how many are open, how many
// are past their due date, and the open ones by due date. The DPO's rows link to the complaint (to
// answer it); a unit lead sees the complaints about cases in their scope read-only, linked to the case.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { dashboardComplaints } from "@/lib/complaints/dashboard-complaints";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { hasPermission } from "@/lib/domain/policy";
import type { Locale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";

export async function DashboardComplaints({ actor, locale }: { actor: StaffActor; locale: Locale }) {
  if (!hasPermission(actor, "dashboard.view")) return null;
  const [data, t, tStaff] = await Promise.all([dashboardComplaints(actor), getTranslations("complaints.dashboard"), getTranslations("complaints.staff")]);
  return (
    <section aria-labelledby="dash-complaints" className="mt-8" data-testid="dashboard-complaints">
      <h2 className="ds-heading" data-size="sm" id="dash-complaints">
        {t("heading")}
      </h2>
      {!data.canHandle && <p className="ds-paragraph mt-2 max-w-prose">{t("readOnlyNote")}</p>}
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="ds-card p-4" data-testid="complaints-open">
          <dt className="ds-paragraph" data-size="sm">
            {t("openCount")}
          </dt>
          <dd className="ds-heading" data-size="md">
            {data.openCount}
          </dd>
        </div>
        <div className="ds-card p-4" data-testid="complaints-overdue">
          <dt className="ds-paragraph" data-size="sm">
            {t("overdueCount")}
          </dt>
          <dd className="ds-heading" data-size="md">
            {data.overdueCount}
          </dd>
        </div>
      </dl>
      {data.rows.length === 0 ? (
        <p className="ds-paragraph mt-2">{t("none")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="ds-table" data-zebra="true" data-size="sm" data-testid="table-complaints">
            <caption className="ds-sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{tStaff("colReference")}</th>
                <th scope="col">{tStaff("colReceived")}</th>
                <th scope="col">{tStaff("colDue")}</th>
                <th scope="col">{tStaff("colDaysLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} data-reference={r.reference}>
                  <th scope="row">
                    <Link className="ds-link" href={data.canHandle ? `/staff/complaints/${r.id}` : `/staff/cases/${r.reference}`}>
                      {r.reference}
                    </Link>
                  </th>
                  <td>{formatDateLong(osloDateOf(r.receivedAt), locale)}</td>
                  <td>{formatDateLong(r.dueDate, locale)}</td>
                  <td>
                    <DaysLeft days={r.daysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.canHandle && (
        <p className="ds-paragraph mt-2">
          <Link className="ds-link" href="/staff/complaints">
            {t("allLink")}
          </Link>
        </p>
      )}
    </section>
  );
}
