// The staff queue: open cases the signed-in person may see, filtered (GET form), saved views, keyset
// pages, "Ta saken" per row and bulk assign for unit leads. Works without JavaScript.
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { countFollowUps, listQueue } from "@/lib/cases/list-queue";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { listAssignees } from "@/lib/cases/assign-case";
import { listUnitChoices } from "@/lib/admin/unit-choices";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { QueueFilterForm } from "@/components/staff/QueueFilterForm";
import { QueueNoticeAlert } from "@/components/staff/QueueNoticeAlert";
import { QueueViews } from "@/components/staff/QueueViews";
import { QueueTable } from "@/components/staff/QueueTable";
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
  const [page, units, assignees, followUps] = await Promise.all([
    listQueue(actor, { filters, cursor: filters.cursor ?? null, limit: filters.perPage }),
    listUnitChoices(actor, locale),
    listAssignees(actor),
    countFollowUps(actor),
  ]);
  const canClaim = hasPermission(actor, "case.claim");
  const canAssign = hasPermission(actor, "case.assign");
  const notice = queueNoticeFrom(params);

  return (
    <>
      <h1 className="ds-heading" data-size="md">
        {tAll("staff.queueHeading")}
      </h1>
      <p className="ds-paragraph mt-1" data-size="sm">
        {t("intro")}
      </p>
      <QueueNoticeAlert notice={notice} />
      <QueueViews current={filters.view} followUps={followUps} />
      <QueueFilterForm filters={filters} units={units} assignees={assignees} meId={actor.userId} />

      <h2 className="ds-sr-only" id="queue-results">
        {filters.cursor ? t("resultsMore") : t("results")}
      </h2>
      {canAssign && page.rows.length > 0 && (
        <form id="bulk-assign" action={bulkAssignAction} className="pv-toolbar mt-4" aria-labelledby="bulk-heading">
          <h3 id="bulk-heading" className="ds-sr-only">
            {t("bulk.heading")}
          </h3>
          <input type="hidden" name="back" value={back} />
          <div className="ds-field flex items-center gap-2">
            <label className="ds-label whitespace-nowrap" htmlFor="bulk-assignee" data-weight="regular">
              {t("bulk.assignee")}
            </label>
            <select id="bulk-assignee" name="assigneeId" className="ds-input" data-size="sm" defaultValue="" aria-describedby="bulk-help">
              <option value="">{t("bulk.choose")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
            {t("bulk.button")}
          </button>
          <p id="bulk-help" className="ds-paragraph basis-full" data-size="xs">
            {t("bulk.help")}
          </p>
        </form>
      )}
      {page.rows.length === 0 ? (
        <p className="ds-paragraph mt-4">{t("empty")}</p>
      ) : (
        <QueueTable rows={page.rows} locale={locale} canAssign={canAssign} canClaim={canClaim} claimAction={claimCaseAction} back={back} />
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
