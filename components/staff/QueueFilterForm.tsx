// The queue's search and filters: a plain GET form, so filters live in the URL (bookmarkable, back
// button, no JavaScript needed). The search field is always there; the other filters fold away in a
// disclosure (open while any of them is in force), so the cases stay above the fold.
import { getTranslations } from "next-intl/server";
import { QUEUE_PAGE_SIZES, type QueueFilters } from "@/lib/cases/queue-filters";
import { CASE_STATUSES, CHANNELS, IDENTITY_LEVELS, caseStatusI18nKey } from "@/lib/domain/case-status";
import { RIGHTS } from "@/lib/domain/rights";
import { rightsShortLabel } from "./right-labels";

/** How many of the folded-away filters are in force (shown on the disclosure). */
export function activeFilterCount(f: QueueFilters): number {
  const set = [f.status, f.right, f.unit, f.assignee, f.channel, f.identity, f.dueWithinDays].filter((v) => v !== undefined);
  return set.length + [f.overdue, f.paused, f.extended, f.sort === "received"].filter(Boolean).length;
}

export async function QueueFilterForm(props: {
  filters: QueueFilters;
  units: { id: string; name: string }[];
  assignees: { id: string; name: string }[];
  meId: string;
}) {
  const [t, tq, tAll] = await Promise.all([getTranslations("staffQueue.filters"), getTranslations("staffQueue"), getTranslations()]);
  const f = props.filters;
  const active = activeFilterCount(f);
  const select = (id: string, label: string, value: string | undefined, anyLabel: string, options: [string, string][]) => (
    <div className="ds-field flex flex-col gap-1">
      <label className="ds-label" htmlFor={id} data-weight="regular">
        {label}
      </label>
      <select id={id} name={id.replace(/^filter-/, "")} className="ds-input" data-size="sm" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const check = (name: "overdue" | "paused" | "extended") => (
    <div className="ds-field flex items-center gap-2">
      <input id={`filter-${name}`} name={name} type="checkbox" value="1" className="ds-input" defaultChecked={f[name]} />
      <label className="ds-label" htmlFor={`filter-${name}`} data-weight="regular">
        {t(name)}
      </label>
    </div>
  );
  const others = props.assignees.filter((a) => a.id !== props.meId);
  return (
    <form method="get" action="/staff" role="search" aria-label={tq("searchRegion")} className="mt-4" data-testid="queue-filters">
      {f.view !== "all" && <input type="hidden" name="view" value={f.view} />}
      <div className="flex flex-wrap items-end gap-3">
        <div className="ds-field flex min-w-0 flex-1 flex-col gap-1 sm:max-w-xl">
          <label className="ds-label" htmlFor="filter-q">
            {t("q")}
          </label>
          <div id="filter-q-help" className="ds-paragraph" data-field="description" data-size="sm">
            {t("qHelp")}
          </div>
          <input id="filter-q" name="q" type="search" className="ds-input" data-size="sm" defaultValue={f.q ?? ""} maxLength={100} aria-describedby="filter-q-help" />
        </div>
        <button type="submit" className="ds-button" data-variant="primary" data-size="sm">
          {t("search")}
        </button>
        {(active > 0 || f.q) && (
          <a className="ds-link self-center" href={f.view !== "all" ? `/staff?view=${f.view}` : "/staff"}>
            {t("reset")}
          </a>
        )}
      </div>
      <details className="pv-filters mt-3" open={active > 0 || undefined} data-testid="queue-more-filters">
        <summary className="pv-filters-summary">
          {t("more")}
          {active > 0 && <span className="ds-tag ml-2" data-size="sm" data-color="accent">{t("active", { count: active })}</span>}
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4 2xl:grid-cols-6">
          {select("filter-status", t("status"), f.status, t("statusOpen"), CASE_STATUSES.map((s) => [s, tAll(caseStatusI18nKey(s, "staff"))]))}
          {select("filter-right", t("right"), f.right, t("any"), RIGHTS.map((r) => [r, rightsShortLabel(tAll, [r])]))}
          {select("filter-unit", t("unit"), f.unit, t("any"), props.units.map((u) => [u.id, u.name]))}
          {select("filter-assignee", t("assignee"), f.assignee, t("any"), [
            ["none", t("assigneeNone")],
            [props.meId, t("assigneeMe")],
            ...others.map((a): [string, string] => [a.id, a.name]),
          ])}
          {select("filter-channel", t("channel"), f.channel, t("any"), CHANNELS.map((c) => [c, tAll(`channel.${c}`)]))}
          {select("filter-identity", t("identity"), f.identity, t("any"), IDENTITY_LEVELS.map((l) => [l, tAll(`staffQueue.identity.${l}`)]))}
          <div className="ds-field flex flex-col gap-1">
            <label className="ds-label" htmlFor="filter-dueWithinDays" data-weight="regular">
              {t("dueWithinDays")}
            </label>
            <input
              id="filter-dueWithinDays"
              name="dueWithinDays"
              type="number"
              inputMode="numeric"
              min={0}
              max={366}
              className="ds-input"
              data-size="sm"
              defaultValue={f.dueWithinDays ?? ""}
            />
          </div>
          <div className="ds-field flex flex-col gap-1">
            <label className="ds-label" htmlFor="filter-sort" data-weight="regular">
              {t("sort")}
            </label>
            <select id="filter-sort" name="sort" className="ds-input" data-size="sm" defaultValue={f.sort}>
              <option value="due">{t("sortDue")}</option>
              <option value="received">{t("sortReceived")}</option>
            </select>
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="filter-per-page" data-weight="regular">
              {t("perPage")}
            </label>
            <select id="filter-per-page" name="perPage" className="ds-input" data-size="sm" defaultValue={String(f.perPage)}>
              {QUEUE_PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="ds-fieldset flex flex-col gap-2 sm:col-span-2">
            <legend className="ds-label" data-weight="regular">
              {t("only")}
            </legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {check("overdue")}
              {check("paused")}
              {check("extended")}
            </div>
          </fieldset>
        </div>
        <div className="mt-4">
          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
            {t("apply")}
          </button>
        </div>
      </details>
    </form>
  );
}
