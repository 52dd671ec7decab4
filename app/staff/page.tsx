// The staff queue: open cases the signed-in person may see, filtered (GET form), saved views, keyset
// pages, "Ta saken" per row and bulk assign for unit leads. Works without JavaScript.
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listQueue } from "@/lib/cases/list-queue";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { listAssignees } from "@/lib/cases/assign-case";
import { listUnitChoices } from "@/lib/admin/unit-choices";
import { formatDateLong } from "@/lib/domain/calendar";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { IdentityBadge } from "@/components/staff/IdentityBadge";
import { QueueFilterForm } from "@/components/staff/QueueFilterForm";
import { QueueNoticeAlert } from "@/components/staff/QueueNoticeAlert";
import { QueueViews } from "@/components/staff/QueueViews";
import { queueHref, queueNoticeFrom, queueParamsFrom } from "@/components/staff/queue-url";
import { bulkAssignAction, claimCaseAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "case.list")) {
    // An admin without a case role has no queue: their start page is the admin pages.
    if (hasPermission(actor, "admin.manage_users")) redirect("/staff/admin/users");
    notFound();
  }
  const [params, t, tAll, localeRaw] = await Promise.all([searchParams, getTranslations("staffQueue"), getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  // Empty form fields are dropped first: an empty "dueWithinDays" must mean "no limit", not 0.
  const filterParams = queueParamsFrom(params);
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const filters = parseQueueFilters({ ...Object.fromEntries(filterParams), cursor });
  const back = filterParams.toString();
  const [page, units, assignees] = await Promise.all([
    listQueue(actor, { filters, cursor: filters.cursor ?? null }),
    listUnitChoices(actor),
    listAssignees(actor),
  ]);
  const canClaim = hasPermission(actor, "case.claim");
  const canAssign = hasPermission(actor, "case.assign");
  const notice = queueNoticeFrom(params);

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {tAll("staff.queueHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("intro")}</p>
      <QueueNoticeAlert notice={notice} />
      <QueueViews current={filters.view} />
      <QueueFilterForm filters={filters} units={units} assignees={assignees} meId={actor.userId} />

      <h2 className="ds-heading mt-6" data-size="sm" id="queue-results">
        {filters.cursor ? t("resultsMore") : t("results")}
      </h2>
      {page.rows.length === 0 ? (
        <p className="ds-paragraph mt-2">{t("empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="ds-table" data-zebra="true" data-size="sm">
            <caption className="ds-sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                {canAssign && (
                  <th scope="col">
                    <span className="ds-sr-only">{t("colSelect")}</span>
                  </th>
                )}
                <th scope="col">{tAll("staff.colReference")}</th>
                <th scope="col">{tAll("staff.colRequester")}</th>
                <th scope="col">{tAll("staff.colRights")}</th>
                <th scope="col">{tAll("staff.colStatus")}</th>
                <th scope="col">{tAll("staff.colUnit")}</th>
                <th scope="col">{tAll("staff.colAssignee")}</th>
                <th scope="col">{tAll("staff.colDue")}</th>
                <th scope="col">{tAll("staff.colDaysLeft")}</th>
                {canClaim && (
                  <th scope="col">
                    <span className="ds-sr-only">{t("colActions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} data-reference={row.reference}>
                  {canAssign && (
                    <td>
                      <input
                        type="checkbox"
                        className="ds-input"
                        name="caseId"
                        value={`${row.id}:${row.version}`}
                        form="bulk-assign"
                        aria-label={t("selectCase", { reference: row.reference })}
                      />
                    </td>
                  )}
                  <th scope="row">
                    <a className="ds-link" href={`/staff/cases/${row.reference}`}>
                      {row.reference}
                    </a>
                  </th>
                  <td>
                    <span className="block">{row.requesterName}</span>
                    <IdentityBadge level={row.identityLevel} />
                  </td>
                  <td>{row.rights.map((r) => tAll(`rights.${r}.title`)).join(", ")}</td>
                  <td>
                    <span className="block">{tAll(`caseStatus.${row.status}`)}</span>
                    {row.status === "awaiting_requester" && (
                      <span className="ds-tag mr-1" data-size="sm">
                        {t("paused")}
                      </span>
                    )}
                    {row.extended && (
                      <span className="ds-tag" data-size="sm">
                        {tAll("staff.extended")}
                      </span>
                    )}
                  </td>
                  <td>{row.unitName ?? tAll("staff.noUnit")}</td>
                  <td>{row.assigneeName ?? tAll("staff.unassigned")}</td>
                  <td>{formatDateLong(row.dueDate, locale)}</td>
                  <td>
                    {/* Paused: the deadline moves one day per day until the requester answers, as in the case header. */}
                    {row.status === "awaiting_requester" ? (
                      <span data-testid="days-left-paused">{tAll("caseRules.queue.paused")}</span>
                    ) : (
                      <DaysLeft days={row.daysLeft} />
                    )}
                  </td>
                  {canClaim && (
                    <td>
                      {row.assigneeName === null && (
                        <form action={claimCaseAction}>
                          <input type="hidden" name="caseId" value={row.id} />
                          <input type="hidden" name="back" value={back} />
                          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                            {t("claim")}
                            <span className="ds-sr-only"> {row.reference}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canAssign && page.rows.length > 0 && (
        <form id="bulk-assign" action={bulkAssignAction} className="ds-card mt-4 flex flex-wrap items-end gap-4 p-4" aria-labelledby="bulk-heading">
          <h2 id="bulk-heading" className="ds-heading w-full" data-size="xs">
            {t("bulk.heading")}
          </h2>
          <p className="ds-paragraph w-full" data-size="sm">
            {t("bulk.help")}
          </p>
          <input type="hidden" name="back" value={back} />
          <div className="ds-field flex flex-col gap-1">
            <label className="ds-label" htmlFor="bulk-assignee">
              {t("bulk.assignee")}
            </label>
            <select id="bulk-assignee" name="assigneeId" className="ds-input" defaultValue="">
              <option value="">{t("bulk.choose")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t("bulk.button")}
          </button>
        </form>
      )}

      <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
        {filters.cursor && (
          <a className="ds-link" href={queueHref(filterParams)}>
            {tAll("staff.firstPage")}
          </a>
        )}
        {page.nextCursor && (
          <a className="ds-link" href={queueHref(filterParams, { cursor: page.nextCursor })}>
            {tAll("staff.nextPage")}
          </a>
        )}
      </nav>
    </>
  );
}
