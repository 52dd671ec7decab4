// Filters of the dashboard's "over time" statistics: calendar months in Oslo ("2026-03"), unit,
// right and channel. Pure (no database, no Next): one zod schema reads the query string of the page
// and of the CSV route, and a garbage query string gives translated field errors, never a crash.
import { z } from "zod";
import { osloDateOf } from "@/lib/domain/calendar";
import { RIGHTS, type Right } from "@/lib/domain/rights";

export { CHANNELS, type Channel } from "@/lib/domain/case-status";
import { CHANNELS, type Channel } from "@/lib/domain/case-status";

/** Calendar month, "YYYY-MM". */
export type Month = string;

/** Default period: the last 12 months including the current one. */
export const DEFAULT_MONTHS = 12;
/** Longest period one request may ask for (3 years). */
export const MAX_MONTHS = 36;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === "string" && MONTH.test(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2999;
}

/** The Oslo calendar month an instant falls in. */
export function osloMonthOf(instant: Date): Month {
  return osloDateOf(instant).slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Number of months from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function monthSpan(from: Month, to: Month): number {
  const index = (m: Month) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const span = monthSpan(from, to);
  return Array.from({ length: Math.max(0, span) }, (_, i) => addMonths(from, i));
}

/** First day of a month and first day of the month after, as 'YYYY-MM-DD' (Oslo calendar dates). */
export function monthBounds(from: Month, to: Month): { start: string; end: string } {
  return { start: `${from}-01`, end: `${addMonths(to, 1)}-01` };
}

export function defaultPeriod(now: Date): { from: Month; to: Month } {
  const to = osloMonthOf(now);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

export type TrendFilters = {
  from: Month;
  to: Month;
  unit?: string;
  right?: Right;
  channel?: Channel;
};

export const TREND_FILTER_FIELDS = ["unit", "right", "channel", "from", "to"] as const;
export type TrendFilterField = (typeof TREND_FILTER_FIELDS)[number];

/** Error codes are message keys under `trends.errors.*`. */
export type TrendFilterError = { field: TrendFilterField; code: "unit" | "right" | "channel" | "month" | "order" | "tooLong" };

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal("")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? undefined : (v as z.output<T>)));

const schema = z.object({
  unit: optional(z.uuid()),
  right: optional(z.enum(RIGHTS)),
  channel: optional(z.enum(CHANNELS)),
  from: optional(z.string().refine(isMonth)),
  to: optional(z.string().refine(isMonth)),
});

/**
 * Reads the filters from a query string object. Every field is checked on its own, then the
 * period as a whole (from <= to, at most MAX_MONTHS). A missing month takes its default.
 * `allowedUnits`, when given, are the units the actor may pick (others are an error).
 */
export function parseTrendFilters(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
  options: { now: Date; allowedUnits?: readonly string[] },
): { filters: TrendFilters; errors: TrendFilterError[] } {
  const flat: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [key, value] of entries) {
    if (!(TREND_FILTER_FIELDS as readonly string[]).includes(key)) continue;
    // A repeated parameter counts as its first value; anything longer than a month/uuid is garbage anyway.
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === "string") flat[key] = v.trim().slice(0, 100);
  }
  const errors: TrendFilterError[] = [];
  const parsed: Partial<Record<TrendFilterField, string>> = {};
  for (const field of TREND_FILTER_FIELDS) {
    const one = schema.shape[field].safeParse(flat[field]);
    if (one.success) {
      if (one.data !== undefined) parsed[field] = one.data;
    } else errors.push({ field, code: field === "from" || field === "to" ? "month" : field });
  }
  if (parsed.unit && options.allowedUnits && !options.allowedUnits.includes(parsed.unit)) {
    errors.push({ field: "unit", code: "unit" });
    delete parsed.unit;
  }
  const defaults = defaultPeriod(options.now);
  const to = parsed.to ?? (parsed.from && monthSpan(parsed.from, defaults.to) > MAX_MONTHS ? addMonths(parsed.from, DEFAULT_MONTHS - 1) : defaults.to);
  const from = parsed.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  if (!errors.some((e) => e.field === "from" || e.field === "to")) {
    if (monthSpan(from, to) < 1) errors.push({ field: "from", code: "order" });
    else if (monthSpan(from, to) > MAX_MONTHS) errors.push({ field: "from", code: "tooLong" });
  }
  const filters: TrendFilters = { from, to };
  if (parsed.unit) filters.unit = parsed.unit;
  if (parsed.right) filters.right = parsed.right as Right;
  if (parsed.channel) filters.channel = parsed.channel as Channel;
  return { filters, errors };
}

/** The filters as a query string (for the CSV links), without empty values. */
export function trendQueryString(filters: TrendFilters): string {
  const params = new URLSearchParams();
  for (const field of TREND_FILTER_FIELDS) {
    const v = filters[field];
    if (v) params.set(field, v);
  }
  return params.toString();
}

/** Days shown with at most one decimal ("12", "12.5"); null (no cases) stays null. */
export function roundDays(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

/** part / whole as a percentage with one decimal (66.7), or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** A month in words for the page's language: "mars 2026" (long) or "mars 26" (short, for chart axes). */
export function formatMonth(month: Month, locale: string, style: "long" | "short" = "long"): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: style, year: style === "long" ? "numeric" : "2-digit", timeZone: "UTC" }).format(date);
}

/** A day in words without the weekday: "1. januar 2026" (nb, nn), "1 January 2026" (en). */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // British English puts the day first, like the Norwegian forms.
  const tag = locale === "en" ? "en-GB" : locale;
  return new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The days a period of months covers up to today (Oslo dates): from its first day to its last day,
 * or to today when the period is not over yet. `untilToday` says which.
 */
export function periodDays(from: Month, to: Month, today: string): { first: string; last: string; untilToday: boolean } {
  const first = `${from}-01`;
  const { end } = monthBounds(from, to);
  const [y, m] = end.split("-").map(Number) as [number, number];
  const lastOfPeriod = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const untilToday = today >= first && today <= lastOfPeriod;
  return { first, last: untilToday ? today : lastOfPeriod, untilToday };
}
