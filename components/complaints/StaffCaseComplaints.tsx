// Complaints to the DPO about this case, on the staff case page: when each came in, its status and
// due date. Everyone who may see the case sees that there is a complaint; only the DPO
// ("complaint.handle") gets the link to read and answer it. Nothing is shown when there is none.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { caseComplaints } from "@/lib/complaints/case-complaints";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import type { Locale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";

export async function StaffCaseComplaints({ actor, reference, locale }: { actor: StaffActor; reference: string; locale: Locale }) {
  const data = await caseComplaints(actor, reference);
  if (!data || data.complaints.length === 0) return null;
  const t = await getTranslations("complaints.staff");
  return (
    <section id="complaints" aria-labelledby="case-complaints-heading" data-testid="case-complaints">
      <h2 id="case-complaints-heading" className="ds-heading" data-size="xs">
        {t("caseSectionHeading")}
      </h2>
      <p className="ds-paragraph mt-2 max-w-prose">{t("caseSectionIntro")}</p>
      <div className="mt-2 overflow-x-auto">
        <table className="ds-table" data-size="sm">
          <caption className="ds-sr-only">{t("caseSectionCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colReceived")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">{t("colDue")}</th>
              <th scope="col">{t("colDaysLeft")}</th>
            </tr>
          </thead>
          <tbody>
            {data.complaints.map((c) => {
              const received = formatDateLong(osloDateOf(c.receivedAt), locale);
              return (
                <tr key={c.id} data-status={c.status}>
                  <th scope="row">
                    {data.canHandle ? (
                      <Link className="ds-link" href={`/staff/complaints/${c.id}`}>
                        {t(c.status === "open" ? "answerLink" : "readLink", { date: received })}
                      </Link>
                    ) : (
                      received
                    )}
                  </th>
                  <td>{c.status === "open" ? t("statusOpen") : t("answeredOn", { date: formatDateLong(osloDateOf(c.answeredAt ?? c.receivedAt), locale) })}</td>
                  <td>{formatDateLong(c.dueDate, locale)}</td>
                  <td>{c.status === "open" ? <DaysLeft days={c.daysLeft} /> : "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
