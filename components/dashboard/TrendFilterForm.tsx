// The filter form of the "over time" statistics: a plain GET form, so the filters live in the URL
// (bookmarkable, works without JavaScript). Every control has a visible label; a field in error is
// marked and described by its message.
import { getTranslations } from "next-intl/server";
import { CHANNELS, type TrendFilterError } from "@/lib/dashboard/trend-filters";
import { RIGHTS } from "@/lib/domain/rights";
import { rightsShortLabel } from "@/components/staff/right-labels";

export type TrendFormValues = { unit: string; right: string; channel: string; from: string; to: string };

export async function TrendFilterForm(props: { values: TrendFormValues; units: { id: string; name: string }[]; errors: TrendFilterError[] }) {
  const [t, tAll] = await Promise.all([getTranslations("trends"), getTranslations()]);
  const errorOf = (field: string) => props.errors.find((e) => e.field === field);
  const described = (field: string, extra?: string) => [extra, errorOf(field) ? `trend-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const errorText = (field: string) => {
    const e = errorOf(field);
    return e ? (
      <p id={`trend-${field}-error`} className="ds-validation-message" data-field="validation">
        {t(`errors.${e.code}`)}
      </p>
    ) : null;
  };
  const select = (field: "unit" | "right" | "channel", anyLabel: string, options: [string, string][]) => (
    <div className="ds-field flex flex-col gap-1">
      <label className="ds-label" htmlFor={`trend-${field}`} data-weight="regular">
        {t(field)}
      </label>
      {errorText(field)}
      <select
        id={`trend-${field}`}
        name={field}
        className="ds-input"
        defaultValue={options.some(([v]) => v === props.values[field]) ? props.values[field] : ""}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={described(field)}
      >
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const month = (field: "from" | "to") => (
    <div className="ds-field flex flex-col gap-1">
      <label className="ds-label" htmlFor={`trend-${field}`} data-weight="regular">
        {t(field)}
      </label>
      {errorText(field)}
      <input
        id={`trend-${field}`}
        name={field}
        type="month"
        className="ds-input"
        defaultValue={props.values[field]}
        min="2000-01"
        max="2999-12"
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={described(field, "trend-month-help")}
      />
    </div>
  );
  return (
    <form method="get" action="/staff/dashboard/trends" className="ds-card mt-4 p-4" aria-labelledby="trend-filter-heading" noValidate>
      <h2 id="trend-filter-heading" className="ds-heading" data-size="xs">
        {t("filterHeading")}
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {select("unit", t("unitAll"), props.units.map((u) => [u.id, u.name]))}
        {select("right", t("rightAll"), RIGHTS.map((r) => [r, rightsShortLabel(tAll, [r])]))}
        {select("channel", t("channelAll"), CHANNELS.map((c) => [c, tAll(`channel.${c}`)]))}
        {month("from")}
        {month("to")}
      </div>
      <p id="trend-month-help" className="ds-paragraph mt-2" data-size="sm">
        {t("monthHelp")}
      </p>
      <button type="submit" className="ds-button mt-4" data-variant="primary">
        {t("submit")}
      </button>
    </form>
  );
}
