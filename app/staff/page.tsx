import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listQueue } from "@/lib/cases/list-queue";
import { formatDateLong } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { notFound } from "next/navigation";
import { hasPermission } from "@/lib/domain/policy";
import { staffSignOutAction } from "./actions";

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireStaffActor();
  // An admin without a case role has no queue: the same 404 as any page one may not see.
  if (!hasPermission(actor, "case.list")) notFound();
  const [{ cursor }, t, localeRaw] = await Promise.all([searchParams, getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const page = await listQueue(actor, { cursor: cursor ?? null });

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="ds-paragraph" data-size="sm">
          {t("staff.signedInAs", { name: actor.name })}
        </p>
        <form action={staffSignOutAction}>
          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
            {t("staff.signOut")}
          </button>
        </form>
      </div>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("staff.queueHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("staff.queueIntro")}</p>

      {page.rows.length === 0 ? (
        <p className="ds-paragraph mt-6">{t("staff.queueEmpty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="ds-table" data-zebra="true">
            <caption className="ds-sr-only">{t("staff.queueCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.colReference")}</th>
                <th scope="col">{t("staff.colRequester")}</th>
                <th scope="col">{t("staff.colRights")}</th>
                <th scope="col">{t("staff.colStatus")}</th>
                <th scope="col">{t("staff.colUnit")}</th>
                <th scope="col">{t("staff.colAssignee")}</th>
                <th scope="col">{t("staff.colDue")}</th>
                <th scope="col">{t("staff.colDaysLeft")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} data-reference={row.reference}>
                  <th scope="row">
                    <a className="ds-link" href={`/staff/cases/${row.reference}`}>
                      {row.reference}
                    </a>
                  </th>
                  <td>{row.requesterName}</td>
                  <td>{row.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</td>
                  <td>
                    {t(`caseStatus.${row.status}`)}
                    {row.extended && <span className="ds-tag ml-2">{t("staff.extended")}</span>}
                  </td>
                  <td>{row.unitName ?? t("staff.noUnit")}</td>
                  <td>{row.assigneeName ?? t("staff.unassigned")}</td>
                  <td>{formatDateLong(row.dueDate, locale)}</td>
                  <td>
                    <DaysLeft days={row.daysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("staff.queueHeading")} className="mt-4 flex gap-4">
        {cursor && (
          <a className="ds-link" href="/staff">
            {t("staff.firstPage")}
          </a>
        )}
        {page.nextCursor && (
          <a className="ds-link" href={`/staff?cursor=${page.nextCursor}`}>
            {t("staff.nextPage")}
          </a>
        )}
      </nav>
    </>
  );
}
