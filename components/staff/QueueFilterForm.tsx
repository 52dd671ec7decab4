// The queue's filter form: a plain GET form, so filters live in the URL (bookmarkable, back button,
// no JavaScript needed). Each control has a visible label.
import { getTranslations } from "next-intl/server";
import type { QueueFilters } from "@/lib/cases/queue-filters";
import { CASE_STATUSES } from "@/lib/domain/case-status";

const RIGHTS = ["access", "rectification", "erasure", "restriction", "objection", "portability"] as const;
const CHANNELS = ["web", "email", "letter", "phone", "counter"] as const;
const IDENTITY_LEVELS = ["none", "email_code", "idporten_substantial", "idporten_high", "verified_in_person"] as const;

export async function QueueFilterForm(props: {
  filters: QueueFilters;
  units: { id: string; name: string }[];
  assignees: { id: string; name: string }[];
  meId: string;
}) {
  const [t, tAll] = await Promise.all([getTranslations("staffQueue.filters"), getTranslations()]);
  const f = props.filters;
  const select = (id: string, label: string, value: string | undefined, anyLabel: string, options: [string, string][]) => (
    <div className="ds-field flex flex-col gap-1">
      <label className="ds-label" htmlFor={id} data-weight="regular">
        {label}
      </label>
      <select id={id} name={id.replace(/^filter-/, "")} className="ds-input" defaultValue={value ?? ""}>
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
    <form method="get" action="/staff" className="ds-card mt-4 p-4" aria-labelledby="queue-filter-heading">
      <h2 id="queue-filter-heading" className="ds-heading" data-size="xs">
        {t("heading")}
      </h2>
      {f.view !== "all" && <input type="hidden" name="view" value={f.view} />}
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="ds-field flex flex-col gap-1 sm:col-span-2 lg:col-span-3">
          <label className="ds-label" htmlFor="filter-q">
            {t("q")}
          </label>
          <div id="filter-q-help" className="ds-paragraph" data-field="description" data-size="sm">
            {t("qHelp")}
          </div>
          <input id="filter-q" name="q" type="search" className="ds-input" defaultValue={f.q ?? ""} maxLength={100} aria-describedby="filter-q-help" />
        </div>
        {select("filter-status", t("status"), f.status, t("statusOpen"), CASE_STATUSES.map((s) => [s, tAll(`caseStatus.${s}`)]))}
        {select("filter-right", t("right"), f.right, t("any"), RIGHTS.map((r) => [r, tAll(`rights.${r}.title`)]))}
        {select("filter-unit", t("unit"), f.unit, t("any"), props.units.map((u) => [u.id, u.name]))}
        {select("filter-assignee", t("assignee"), f.assignee, t("any"), [
          ["none", t("assigneeNone")],
          [props.meId, t("assigneeMe")],
          ...others.map((a): [string, string] => [a.id, a.name]),
        ])}
        {select("filter-channel", t("channel"), f.channel, t("any"), CHANNELS.map((c) => [c, tAll(`channel.${c}`)]))}
        {select("filter-identity", t("identity"), f.identity, t("any"), IDENTITY_LEVELS.map((l) => [l, tAll(`staffQueue.identity.${l}`)]))}
        <div className="ds-field flex flex-col gap-1">
          <label className="ds-label" htmlFor="filter-dueWithinDays">
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
            defaultValue={f.dueWithinDays ?? ""}
          />
        </div>
        <div className="ds-field flex flex-col gap-1">
          <label className="ds-label" htmlFor="filter-sort">
            {t("sort")}
          </label>
          <select id="filter-sort" name="sort" className="ds-input" defaultValue={f.sort}>
            <option value="due">{t("sortDue")}</option>
            <option value="received">{t("sortReceived")}</option>
          </select>
        </div>
        <fieldset className="ds-fieldset flex flex-col gap-2">
          <legend className="ds-label">{t("only")}</legend>
          {check("overdue")}
          {check("paused")}
          {check("extended")}
        </fieldset>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="ds-button" data-variant="primary">
          {t("apply")}
        </button>
        <a className="ds-link" href={f.view !== "all" ? `/staff?view=${f.view}` : "/staff"}>
          {t("reset")}
        </a>
      </div>
    </form>
  );
}
