/**
 * Norwegian public holidays (lov om helligdager og helligdagsfred; lov om 1. og
 * 17. mai som høgtidsdagar). See shared/domain/legal-rules.md §1.
 *
 * 24 and 31 December are NOT public holidays. Sundays are not listed as
 * holidays unless they are a named holiday (Easter Sunday, Whit Sunday, or a
 * fixed-date holiday that happens to fall on a Sunday).
 */

import { addDays, isWeekend, parseIsoDate, toIsoDate, type IsoDate } from "@/lib/domain/calendar";

export interface HolidayName {
  nb: string;
  nn: string;
  en: string;
}

export interface Holiday {
  date: IsoDate;
  name: HolidayName;
}

const MIN_YEAR = 1583; // first full Gregorian year
const MAX_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of supported range ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
}

/** Easter Sunday (Gregorian), anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

const NAMES = {
  newYear: { nb: "Første nyttårsdag", nn: "Første nyttårsdag", en: "New Year's Day" },
  maundyThursday: { nb: "Skjærtorsdag", nn: "Skjærtorsdag", en: "Maundy Thursday" },
  goodFriday: { nb: "Langfredag", nn: "Langfredag", en: "Good Friday" },
  easterSunday: { nb: "Første påskedag", nn: "Første påskedag", en: "Easter Sunday" },
  easterMonday: { nb: "Andre påskedag", nn: "Andre påskedag", en: "Easter Monday" },
  mayDay: { nb: "Offentlig høytidsdag", nn: "Offentleg høgtidsdag", en: "Labour Day" },
  constitutionDay: { nb: "Grunnlovsdag", nn: "Grunnlovsdag", en: "Constitution Day" },
  ascension: { nb: "Kristi himmelfartsdag", nn: "Kristi himmelfartsdag", en: "Ascension Day" },
  whitSunday: { nb: "Første pinsedag", nn: "Første pinsedag", en: "Whit Sunday" },
  whitMonday: { nb: "Andre pinsedag", nn: "Andre pinsedag", en: "Whit Monday" },
  christmasDay: { nb: "Første juledag", nn: "Første juledag", en: "Christmas Day" },
  boxingDay: { nb: "Andre juledag", nn: "Andre juledag", en: "Boxing Day" },
} as const satisfies Record<string, HolidayName>;

const listCache = new Map<number, readonly Holiday[]>();
const byDateCache = new Map<number, ReadonlyMap<IsoDate, readonly HolidayName[]>>();

function computeHolidays(year: number): readonly Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: toIsoDate(year, 1, 1), name: NAMES.newYear },
    { date: addDays(easter, -3), name: NAMES.maundyThursday },
    { date: addDays(easter, -2), name: NAMES.goodFriday },
    { date: easter, name: NAMES.easterSunday },
    { date: addDays(easter, 1), name: NAMES.easterMonday },
    { date: toIsoDate(year, 5, 1), name: NAMES.mayDay },
    { date: toIsoDate(year, 5, 17), name: NAMES.constitutionDay },
    { date: addDays(easter, 39), name: NAMES.ascension },
    { date: addDays(easter, 49), name: NAMES.whitSunday },
    { date: addDays(easter, 50), name: NAMES.whitMonday },
    { date: toIsoDate(year, 12, 25), name: NAMES.christmasDay },
    { date: toIsoDate(year, 12, 26), name: NAMES.boxingDay },
  ];
  // Stable sort: when two holidays share a date (e.g. 17 May = Whit Monday in
  // 2027, 1 May = Ascension Day in 2008) both entries are kept, fixed-date first.
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return Object.freeze(list.map((h) => Object.freeze({ date: h.date, name: h.name })));
}

function holidaysOfYear(year: number): readonly Holiday[] {
  let list = listCache.get(year);
  if (!list) {
    list = computeHolidays(year);
    listCache.set(year, list);
  }
  return list;
}

function byDateOfYear(year: number): ReadonlyMap<IsoDate, readonly HolidayName[]> {
  let map = byDateCache.get(year);
  if (!map) {
    const m = new Map<IsoDate, HolidayName[]>();
    for (const h of holidaysOfYear(year)) {
      const names = m.get(h.date);
      if (names) names.push(h.name);
      else m.set(h.date, [h.name]);
    }
    map = m;
    byDateCache.set(year, map);
  }
  return map;
}

/**
 * Norwegian public holidays of the year, sorted by date. If two holidays fall
 * on the same date, both entries are listed.
 */
export function norwegianPublicHolidays(year: number): Holiday[] {
  assertYear(year);
  return holidaysOfYear(year).map((h) => ({ date: h.date, name: { ...h.name } }));
}

/** Names of the public holidays on the date (empty if none). */
export function holidaysOn(date: IsoDate): HolidayName[] {
  const { year } = parseIsoDate(date);
  assertYear(year);
  return (byDateOfYear(year).get(date) ?? []).map((n) => ({ ...n }));
}

export function isNorwegianPublicHoliday(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  assertYear(year);
  return byDateOfYear(year).has(date);
}

/** Saturday, Sunday or a Norwegian public holiday. */
export function isNonWorkingDay(date: IsoDate): boolean {
  return isWeekend(date) || isNorwegianPublicHoliday(date);
}

/** The date itself if it is a working day, otherwise the next working day. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let d = date;
  // At most 5 consecutive non-working days exist (Maundy Thursday..Easter Monday);
  // the bound only guards against a logic error.
  for (let i = 0; i < 30; i++) {
    if (!isNonWorkingDay(d)) return d;
    d = addDays(d, 1);
  }
  throw new Error(`No working day found within 30 days of ${date}`);
}
