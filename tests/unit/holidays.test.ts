import { describe, it, expect } from "vitest";
import {
  easterSunday,
  holidaysOn,
  isNonWorkingDay,
  isNorwegianPublicHoliday,
  nextWorkingDayOnOrAfter,
  norwegianPublicHolidays,
} from "@/lib/domain/holidays";

// Expected lists written by hand from the Easter dates in legal-rules.md
// (Maundy Thursday = Easter - 3, Good Friday = Easter - 2, Easter Monday = + 1,
// Ascension = + 39, Whit Sunday = + 49, Whit Monday = + 50).
const EXPECTED: Record<number, { date: string; en: string }[]> = {
  2025: [
    { date: "2025-01-01", en: "New Year's Day" },
    { date: "2025-04-17", en: "Maundy Thursday" },
    { date: "2025-04-18", en: "Good Friday" },
    { date: "2025-04-20", en: "Easter Sunday" },
    { date: "2025-04-21", en: "Easter Monday" },
    { date: "2025-05-01", en: "Labour Day" },
    { date: "2025-05-17", en: "Constitution Day" },
    { date: "2025-05-29", en: "Ascension Day" },
    { date: "2025-06-08", en: "Whit Sunday" },
    { date: "2025-06-09", en: "Whit Monday" },
    { date: "2025-12-25", en: "Christmas Day" },
    { date: "2025-12-26", en: "Boxing Day" },
  ],
  2026: [
    { date: "2026-01-01", en: "New Year's Day" },
    { date: "2026-04-02", en: "Maundy Thursday" },
    { date: "2026-04-03", en: "Good Friday" },
    { date: "2026-04-05", en: "Easter Sunday" },
    { date: "2026-04-06", en: "Easter Monday" },
    { date: "2026-05-01", en: "Labour Day" },
    { date: "2026-05-14", en: "Ascension Day" },
    { date: "2026-05-17", en: "Constitution Day" },
    { date: "2026-05-24", en: "Whit Sunday" },
    { date: "2026-05-25", en: "Whit Monday" },
    { date: "2026-12-25", en: "Christmas Day" },
    { date: "2026-12-26", en: "Boxing Day" },
  ],
  2027: [
    { date: "2027-01-01", en: "New Year's Day" },
    { date: "2027-03-25", en: "Maundy Thursday" },
    { date: "2027-03-26", en: "Good Friday" },
    { date: "2027-03-28", en: "Easter Sunday" },
    { date: "2027-03-29", en: "Easter Monday" },
    { date: "2027-05-01", en: "Labour Day" },
    { date: "2027-05-06", en: "Ascension Day" },
    { date: "2027-05-16", en: "Whit Sunday" },
    // 17 May 2027 is both Constitution Day and Whit Monday: both are listed.
    { date: "2027-05-17", en: "Constitution Day" },
    { date: "2027-05-17", en: "Whit Monday" },
    { date: "2027-12-25", en: "Christmas Day" },
    { date: "2027-12-26", en: "Boxing Day" },
  ],
  2028: [
    { date: "2028-01-01", en: "New Year's Day" },
    { date: "2028-04-13", en: "Maundy Thursday" },
    { date: "2028-04-14", en: "Good Friday" },
    { date: "2028-04-16", en: "Easter Sunday" },
    { date: "2028-04-17", en: "Easter Monday" },
    { date: "2028-05-01", en: "Labour Day" },
    { date: "2028-05-17", en: "Constitution Day" },
    { date: "2028-05-25", en: "Ascension Day" },
    { date: "2028-06-04", en: "Whit Sunday" },
    { date: "2028-06-05", en: "Whit Monday" },
    { date: "2028-12-25", en: "Christmas Day" },
    { date: "2028-12-26", en: "Boxing Day" },
  ],
};

describe("easterSunday", () => {
  it.each([
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2038, "2038-04-25"],
    [2049, "2049-04-18"],
    [2100, "2100-03-28"],
    [1818, "1818-03-22"], // earliest possible date
    [2285, "2285-03-22"], // earliest possible date
    [1943, "1943-04-25"], // latest possible date
    [1583, "1583-04-10"],
  ])("Easter %i is %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("rejects non-integer and pre-Gregorian years", () => {
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(Number.NaN)).toThrow(RangeError);
  });
});

describe("norwegianPublicHolidays", () => {
  for (const year of [2025, 2026, 2027, 2028]) {
    it(`lists exactly the holidays of ${year}, sorted`, () => {
      const got = norwegianPublicHolidays(year).map((h) => ({ date: h.date, en: h.name.en }));
      expect(got).toEqual(EXPECTED[year]);
    });

    it(`isNorwegianPublicHoliday agrees with the list for every day of ${year}`, () => {
      const expectedDates = new Set((EXPECTED[year] ?? []).map((h) => h.date));
      let count = 0;
      let days = 0;
      for (let ms = Date.UTC(year, 0, 1); new Date(ms).getUTCFullYear() === year; ms += 86_400_000) {
        const date = new Date(ms).toISOString().slice(0, 10);
        days++;
        expect(isNorwegianPublicHoliday(date), date).toBe(expectedDates.has(date));
        if (isNorwegianPublicHoliday(date)) count++;
      }
      expect(days).toBe(year % 4 === 0 ? 366 : 365);
      expect(count).toBe(expectedDates.size);
    });
  }

  it("has names in bokmål, nynorsk and English", () => {
    const list = norwegianPublicHolidays(2026);
    expect(list.find((h) => h.date === "2026-04-02")?.name).toEqual({
      nb: "Skjærtorsdag",
      nn: "Skjærtorsdag",
      en: "Maundy Thursday",
    });
    expect(list.find((h) => h.date === "2026-05-01")?.name).toEqual({
      nb: "Offentlig høytidsdag",
      nn: "Offentleg høgtidsdag",
      en: "Labour Day",
    });
    for (const h of list) {
      expect(h.name.nb.length).toBeGreaterThan(0);
      expect(h.name.nn.length).toBeGreaterThan(0);
      expect(h.name.en.length).toBeGreaterThan(0);
    }
  });

  it("returns copies: mutating the result does not corrupt the memoized data", () => {
    const list = norwegianPublicHolidays(2026);
    const first = list[0];
    expect(first).toBeDefined();
    if (first) {
      first.date = "2026-01-02";
      first.name.en = "Changed";
    }
    list.pop();
    expect(norwegianPublicHolidays(2026)[0]).toEqual({
      date: "2026-01-01",
      name: { nb: "Første nyttårsdag", nn: "Første nyttårsdag", en: "New Year's Day" },
    });
    expect(norwegianPublicHolidays(2026)).toHaveLength(12);
    expect(isNorwegianPublicHoliday("2026-01-02")).toBe(false);
  });

  it("holidaysOn gives both names when two holidays coincide", () => {
    expect(holidaysOn("2027-05-17").map((n) => n.en)).toEqual(["Constitution Day", "Whit Monday"]);
    expect(holidaysOn("2026-05-18")).toEqual([]);
    // 2008: Ascension Day fell on 1 May.
    expect(holidaysOn("2008-05-01").map((n) => n.en)).toEqual(["Labour Day", "Ascension Day"]);
  });
});

describe("non-holidays", () => {
  it.each(["2025-12-24", "2025-12-31", "2026-12-24", "2026-12-31", "2027-12-24", "2027-12-31", "2028-12-24", "2028-12-31"])(
    "%s (Christmas Eve / New Year's Eve) is not a public holiday",
    (date) => {
      expect(isNorwegianPublicHoliday(date)).toBe(false);
    },
  );

  it("Holy Saturday, Easter Tuesday, Whit Tuesday, 8 May and 2 January are not holidays", () => {
    for (const date of ["2026-04-04", "2026-04-07", "2026-05-26", "2026-05-08", "2026-01-02"]) {
      expect(isNorwegianPublicHoliday(date), date).toBe(false);
    }
  });

  it("ordinary Sundays are not holidays (but are non-working days)", () => {
    expect(isNorwegianPublicHoliday("2026-03-01")).toBe(false);
    expect(isNonWorkingDay("2026-03-01")).toBe(true);
  });
});

describe("isNonWorkingDay / nextWorkingDayOnOrAfter", () => {
  it("weekends and holidays are non-working, ordinary weekdays are working", () => {
    expect(isNonWorkingDay("2026-04-04")).toBe(true); // Saturday
    expect(isNonWorkingDay("2026-04-05")).toBe(true); // Sunday + Easter
    expect(isNonWorkingDay("2026-04-06")).toBe(true); // Easter Monday
    expect(isNonWorkingDay("2026-04-07")).toBe(false); // Tuesday
    expect(isNonWorkingDay("2026-12-24")).toBe(false); // Thursday, Christmas Eve
    expect(isNonWorkingDay("2026-12-31")).toBe(false); // Thursday, New Year's Eve
  });

  it.each([
    ["2026-04-01", "2026-04-01"], // Wednesday: itself
    ["2026-04-02", "2026-04-07"], // Maundy Thursday chain
    ["2026-04-04", "2026-04-07"],
    ["2026-05-16", "2026-05-18"], // Sat, Sun 17 May -> Mon
    ["2026-12-25", "2026-12-28"], // Fri, Sat 26, Sun -> Mon
    ["2027-05-15", "2027-05-18"], // Sat, Whit Sunday, Whit Monday/17 May -> Tue
    ["2027-12-25", "2027-12-27"],
    ["2027-01-01", "2027-01-04"],
    ["2028-12-25", "2028-12-27"],
  ])("next working day on or after %s is %s", (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date)).toBe(expected);
  });

  it("rejects invalid dates", () => {
    expect(() => isNorwegianPublicHoliday("2026-02-30")).toThrow(RangeError);
    expect(() => isNonWorkingDay("26-1-1")).toThrow(RangeError);
    expect(() => nextWorkingDayOnOrAfter("")).toThrow(RangeError);
  });
});
