// The DPO's complaints: open ones first, earliest due date first, then the answered ones. A server
// component: works without JavaScript. Anyone without complaint.handle gets 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listComplaints } from "@/lib/complaints/list-complaints";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { can } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";

export const dynamic = "force-dynamic";

export default async function ComplaintsPage() {
  const actor = await requireStaffActor();
  if (!can(actor, "complaint.handle")) notFound();
  const [rows, t, localeRaw] = await Promise.all([listComplaints(actor), getTranslations("complaints.staff"), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("listTitle")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("listIntro")}</p>
      {rows.length === 0 ? (
        <p className="ds-paragraph mt-4">{t("empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="ds-table" data-zebra="true" data-size="sm" data-testid="complaints-table">
            <caption className="ds-sr-only">{t("listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colReference")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colReceived")}</th>
                <th scope="col">{t("colDue")}</th>
                <th scope="col">{t("colDaysLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-reference={r.reference} data-status={r.status}>
                  <th scope="row">
                    <Link className="ds-link" href={`/staff/complaints/${r.id}`}>
                      {r.reference}
                    </Link>
                  </th>
                  <td>{r.status === "open" ? t("statusOpen") : t("answeredOn", { date: formatDateLong(osloDateOf(r.answeredAt ?? r.receivedAt), locale) })}</td>
                  <td>{formatDateLong(osloDateOf(r.receivedAt), locale)}</td>
                  <td>{formatDateLong(r.dueDate, locale)}</td>
                  <td>{r.status === "open" ? <DaysLeft days={r.daysLeft} /> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
