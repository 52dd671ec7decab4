/**
 * A tiny calendar-date toolkit working on ISO date strings ('YYYY-MM-DD').
 *
 * All arithmetic is done on calendar dates (represented internally as UTC
 * midnight of the date), never on N x 24 hours, so daylight-saving changes in
 * Europe/Oslo cannot shift a result. Only `osloDateOf` and `osloEndOfDay`
 * touch real instants; both use Intl with the IANA zone, no hardcoded offsets.
 */

export type IsoDate = string;

export type DateLocale = "nb" | "nn" | "en";

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const OSLO = "Europe/Oslo";

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Validates an ISO date string and returns its parts. Throws RangeError on bad input. */
export function parseIsoDate(date: IsoDate): DateParts {
  if (typeof date !== "string") {
    throw new RangeError(`Invalid ISO date: ${String(date)}`);
  }
  const m = ISO_DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid ISO date (expected YYYY-MM-DD): ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) throw new RangeError(`Invalid month in ISO date: ${date}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid day in ISO date: ${date}`);
  }
  return { year, month, day };
}

export function isValidIsoDate(date: unknown): date is IsoDate {
  if (typeof date !== "string") return false;
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Builds an ISO date from parts (no validation beyond formatting). */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Milliseconds of UTC midnight of the date (years 0-99 handled correctly). */
function utcMidnightMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

export function assertValidInstant(instant: Date, what = "instant"): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Invalid ${what}: ${String(instant)}`);
  }
}

/** date + days (calendar days; negative allowed). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, "days");
  return fromUtcMs(utcMidnightMs(date) + days * MS_PER_DAY);
}

/** to - from in calendar days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnightMs(to) - utcMidnightMs(from)) / MS_PER_DAY);
}

/**
 * date + months calendar months, same day number; if that day does not exist
 * in the target month, the last day of that month (31 Jan + 1 = 28/29 Feb).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, "months");
  const { year, month, day } = parseIsoDate(date);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return toIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(utcMidnightMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
}

/** -1, 0 or 1; both arguments are validated. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Europe/Oslo
// ---------------------------------------------------------------------------

let osloDateFormatter: Intl.DateTimeFormat | undefined;
let osloDateTimeFormatter: Intl.DateTimeFormat | undefined;

function getOsloDateFormatter(): Intl.DateTimeFormat {
  osloDateFormatter ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: OSLO,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return osloDateFormatter;
}

function getOsloDateTimeFormatter(): Intl.DateTimeFormat {
  osloDateTimeFormatter ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: OSLO,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return osloDateTimeFormatter;
}

function partsToRecord(parts: Intl.DateTimeFormatPart[]): Record<string, number> {
  const rec: Record<string, number> = {};
  for (const p of parts) {
    if (p.type !== "literal") rec[p.type] = Number(p.value);
  }
  return rec;
}

function requirePart(rec: Record<string, number>, key: string): number {
  const v = rec[key];
  if (v === undefined || Number.isNaN(v)) throw new Error(`Intl did not return ${key}`);
  return v;
}

/** The calendar date of the instant in Europe/Oslo. */
export function osloDateOf(instant: Date): IsoDate {
  assertValidInstant(instant);
  const rec = partsToRecord(getOsloDateFormatter().formatToParts(instant));
  return toIsoDate(requirePart(rec, "year"), requirePart(rec, "month"), requirePart(rec, "day"));
}

/** Offset of Oslo local time from UTC at the instant, in ms (3_600_000 in CET, 7_200_000 in CEST). */
function osloOffsetMs(instantMs: number): number {
  const rec = partsToRecord(getOsloDateTimeFormatter().formatToParts(new Date(instantMs)));
  const d = new Date(0);
  d.setUTCFullYear(requirePart(rec, "year"), requirePart(rec, "month") - 1, requirePart(rec, "day"));
  d.setUTCHours(requirePart(rec, "hour"), requirePart(rec, "minute"), requirePart(rec, "second"), 0);
  const wallMs = d.getTime();
  const instantSeconds = Math.floor(instantMs / 1000) * 1000;
  return wallMs - instantSeconds;
}

/** The instant 23:59:59.999 Oslo time on the date (CET or CEST as applicable). */
export function osloEndOfDay(date: IsoDate): Date {
  const wallMs = utcMidnightMs(date) + MS_PER_DAY - 1;
  // Two passes: guess with the offset at the wall time read as UTC, then correct.
  let t = wallMs - osloOffsetMs(wallMs);
  t = wallMs - osloOffsetMs(t);
  return new Date(t);
}

// ---------------------------------------------------------------------------
// Formatting (hardcoded names: deterministic regardless of ICU data)
// ---------------------------------------------------------------------------

const WEEKDAYS: Record<DateLocale, readonly string[]> = {
  nb: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
  nn: ["sundag", "måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

const NORWEGIAN_MONTHS = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
] as const;

const MONTHS: Record<DateLocale, readonly string[]> = {
  nb: NORWEGIAN_MONTHS,
  nn: NORWEGIAN_MONTHS,
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

const NORWEGIAN_MONTHS_SHORT = ["jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "des."] as const;

const MONTHS_SHORT: Record<DateLocale, readonly string[]> = {
  nb: NORWEGIAN_MONTHS_SHORT,
  nn: NORWEGIAN_MONTHS_SHORT,
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** Compact, for tables: nb/nn "7. apr. 2026", en "7 Apr 2026" (no weekday). */
export function formatDateShort(date: IsoDate, locale: DateLocale): string {
  const { year, month, day } = parseIsoDate(date);
  const months = MONTHS_SHORT[locale];
  if (!months) throw new RangeError(`Unsupported locale: ${String(locale)}`);
  const monthName = months[month - 1];
  if (monthName === undefined) throw new Error("unreachable");
  return locale === "en" ? `${day} ${monthName} ${year}` : `${day}. ${monthName} ${year}`;
}

/**
 * nb: "tirsdag 7. april 2026", nn: "tysdag 7. april 2026", en: "Tuesday 7 April 2026".
 */
export function formatDateLong(date: IsoDate, locale: DateLocale): string {
  const { year, month, day } = parseIsoDate(date);
  const weekdays = WEEKDAYS[locale];
  const months = MONTHS[locale];
  if (!weekdays || !months) throw new RangeError(`Unsupported locale: ${String(locale)}`);
  const weekday = weekdays[weekdayOf(date)];
  const monthName = months[month - 1];
  if (weekday === undefined || monthName === undefined) throw new Error("unreachable");
  const dayPart = locale === "en" ? `${day}` : `${day}.`;
  return `${weekday} ${dayPart} ${monthName} ${year}`;
}
