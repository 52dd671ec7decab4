import { describe, it, expect } from "vitest";
import {
  addCalendarMonths,
  addDays,
  compareIsoDates,
  daysBetween,
  formatDateLong,
  formatDateShort,
  isWeekend,
  osloDateOf,
  osloEndOfDay,
  parseIsoDate,
  weekdayOf,
} from "@/lib/domain/calendar";
import {
  computeDeadline,
  daysLeft,
  explainDeadline,
  isOverdue,
  oneMonthDueDate,
} from "@/lib/domain/deadline";

/** Noon UTC on the date: the same calendar date in Oslo (13:00 CET / 14:00 CEST). */
function noon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

function due(receipt: string, opts: { extended?: boolean; pauses?: { from: Date; to: Date }[] } = {}): string {
  return computeDeadline({ receivedAt: noon(receipt), ...opts }).dueDate;
}

/** A pause of `days` calendar days, inside ordinary (non-DST-change) weeks. */
function pauseOfDays(startDate: string, days: number): { from: Date; to: Date } {
  const from = new Date(`${startDate}T09:00:00Z`);
  return { from, to: new Date(from.getTime() + days * 86_400_000) };
}

// ---------------------------------------------------------------------------
// calendar.ts
// ---------------------------------------------------------------------------

describe("calendar: parseIsoDate / compare", () => {
  it("parses valid dates", () => {
    expect(parseIsoDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(["2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1", "20260401", "", "2026-04-01T00:00:00Z", " 2026-04-01"])(
    "rejects %j with RangeError",
    (bad) => {
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
    },
  );

  it("compares", () => {
    expect(compareIsoDates("2026-04-07", "2026-04-08")).toBe(-1);
    expect(compareIsoDates("2026-04-08", "2026-04-08")).toBe(0);
    expect(compareIsoDates("2027-01-01", "2026-12-31")).toBe(1);
    expect(() => compareIsoDates("2026-02-30", "2026-03-01")).toThrow(RangeError);
  });
});

describe("calendar: arithmetic", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-12-31", 1, "2027-01-31"],
    ["2026-12-15", 3, "2027-03-15"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2026-02-28", 1, "2026-03-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-05-31", 12, "2027-05-31"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-05-31", 0, "2026-05-31"],
  ])("addCalendarMonths(%s, %i) = %s", (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it("addDays crosses months, years and DST changes", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-04-07", 0)).toBe("2026-04-07");
  });

  it("daysBetween is to - from in calendar days", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across spring DST
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // across autumn DST
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-04-07", "2026-04-01")).toBe(-6);
  });

  it("rejects non-integer amounts", () => {
    expect(() => addDays("2026-04-07", 1.5)).toThrow(RangeError);
    expect(() => addCalendarMonths("2026-04-07", 0.5)).toThrow(RangeError);
  });

  it("weekdayOf / isWeekend", () => {
    expect(weekdayOf("2026-04-05")).toBe(0); // Sunday
    expect(weekdayOf("2026-04-07")).toBe(2); // Tuesday
    expect(weekdayOf("2028-02-29")).toBe(2); // Tuesday
    expect(weekdayOf("2000-01-01")).toBe(6); // Saturday
    expect(isWeekend("2026-04-04")).toBe(true);
    expect(isWeekend("2026-04-05")).toBe(true);
    expect(isWeekend("2026-04-06")).toBe(false);
  });
});

describe("calendar: Europe/Oslo", () => {
  it.each([
    ["2026-02-28T22:59:59.999Z", "2026-02-28"], // 23:59:59 CET
    ["2026-02-28T23:00:00.000Z", "2026-03-01"], // 00:00 CET
    ["2026-02-28T23:30:00Z", "2026-03-01"],
    ["2026-06-30T21:59:59Z", "2026-06-30"], // 23:59:59 CEST
    ["2026-06-30T22:00:00Z", "2026-07-01"], // 00:00 CEST
    ["2026-06-30T22:30:00Z", "2026-07-01"],
    ["2026-03-29T00:59:59Z", "2026-03-29"], // 01:59:59 CET, just before spring forward
    ["2026-03-29T01:00:00Z", "2026-03-29"], // 03:00 CEST
    ["2026-03-29T21:59:59Z", "2026-03-29"], // 23:59:59 CEST
    ["2026-03-29T22:00:00Z", "2026-03-30"],
    ["2026-10-25T00:30:00Z", "2026-10-25"], // 02:30 CEST (first pass)
    ["2026-10-25T01:30:00Z", "2026-10-25"], // 02:30 CET (second pass)
    ["2026-10-25T22:59:59Z", "2026-10-25"], // 23:59:59 CET
    ["2026-10-25T23:00:00Z", "2026-10-26"],
    ["2026-12-31T23:00:00Z", "2027-01-01"],
  ])("osloDateOf(%s) = %s", (iso, expected) => {
    expect(osloDateOf(new Date(iso))).toBe(expected);
  });

  it("osloDateOf rejects invalid dates", () => {
    expect(() => osloDateOf(new Date("nope"))).toThrow(RangeError);
  });

  it.each([
    ["2026-03-28", "2026-03-28T22:59:59.999Z"], // CET
    ["2026-03-29", "2026-03-29T21:59:59.999Z"], // DST starts this day: ends in CEST
    ["2026-07-01", "2026-07-01T21:59:59.999Z"], // CEST
    ["2026-10-24", "2026-10-24T21:59:59.999Z"], // CEST
    ["2026-10-25", "2026-10-25T22:59:59.999Z"], // DST ends this day: ends in CET
    ["2026-12-31", "2026-12-31T22:59:59.999Z"],
    ["2028-02-29", "2028-02-29T22:59:59.999Z"],
  ])("osloEndOfDay(%s) = %s", (date, iso) => {
    expect(osloEndOfDay(date).toISOString()).toBe(iso);
  });
});

describe("calendar: formatDateShort (tables)", () => {
  it.each([
    ["2026-12-07", "7. des. 2026", "7 Dec 2026"],
    ["2027-05-01", "1. mai 2027", "1 May 2027"],
    ["2026-01-31", "31. jan. 2026", "31 Jan 2026"],
    ["2028-02-29", "29. feb. 2028", "29 Feb 2028"],
  ])("%s -> %s / %s", (date, no, en) => {
    expect(formatDateShort(date, "nb")).toBe(no);
    expect(formatDateShort(date, "nn")).toBe(no);
    expect(formatDateShort(date, "en")).toBe(en);
  });
});

describe("calendar: formatDateLong", () => {
  it("formats 2026-04-07 in three languages", () => {
    expect(formatDateLong("2026-04-07", "nb")).toBe("tirsdag 7. april 2026");
    expect(formatDateLong("2026-04-07", "nn")).toBe("tysdag 7. april 2026");
    expect(formatDateLong("2026-04-07", "en")).toBe("Tuesday 7 April 2026");
  });

  it.each([
    ["2026-06-01", "mandag 1. juni 2026", "måndag 1. juni 2026", "Monday 1 June 2026"],
    ["2026-06-02", "tirsdag 2. juni 2026", "tysdag 2. juni 2026", "Tuesday 2 June 2026"],
    ["2026-06-03", "onsdag 3. juni 2026", "onsdag 3. juni 2026", "Wednesday 3 June 2026"],
    ["2026-06-04", "torsdag 4. juni 2026", "torsdag 4. juni 2026", "Thursday 4 June 2026"],
    ["2026-06-05", "fredag 5. juni 2026", "fredag 5. juni 2026", "Friday 5 June 2026"],
    ["2026-06-06", "lørdag 6. juni 2026", "laurdag 6. juni 2026", "Saturday 6 June 2026"],
    ["2026-05-17", "søndag 17. mai 2026", "sundag 17. mai 2026", "Sunday 17 May 2026"],
    ["2027-01-01", "fredag 1. januar 2027", "fredag 1. januar 2027", "Friday 1 January 2027"],
    ["2028-02-29", "tirsdag 29. februar 2028", "tysdag 29. februar 2028", "Tuesday 29 February 2028"],
    ["2026-12-31", "torsdag 31. desember 2026", "torsdag 31. desember 2026", "Thursday 31 December 2026"],
    ["2026-10-25", "søndag 25. oktober 2026", "sundag 25. oktober 2026", "Sunday 25 October 2026"],
  ])("%s -> %s / %s / %s", (date, nb, nn, en) => {
    expect(formatDateLong(date, "nb")).toBe(nb);
    expect(formatDateLong(date, "nn")).toBe(nn);
    expect(formatDateLong(date, "en")).toBe(en);
  });

  it("rejects invalid dates", () => {
    expect(() => formatDateLong("2026-02-30", "nb")).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// deadline.ts
// ---------------------------------------------------------------------------

describe("computeDeadline: public examples (EDPB Examples 32/33, ICO)", () => {
  it("received 5 March -> due 5 April when that is a working day (2024: Friday)", () => {
    expect(due("2024-03-05")).toBe("2024-04-05");
  });

  it("received 5 March 2026 -> 5 April is Easter Sunday, moved past Easter Monday to Tuesday 7 April", () => {
    expect(due("2026-03-05")).toBe("2026-04-07");
  });

  it("received 31 August -> due 30 September", () => {
    expect(due("2026-08-31")).toBe("2026-09-30"); // Wednesday
    expect(due("2025-08-31")).toBe("2025-09-30"); // Tuesday
  });

  it("received 31 January -> 28/29 February, moved if weekend", () => {
    expect(due("2025-01-31")).toBe("2025-02-28"); // Friday
    expect(due("2026-01-31")).toBe("2026-03-02"); // 28 Feb is Saturday -> Monday 2 March
    expect(due("2027-01-31")).toBe("2027-03-01"); // 28 Feb is Sunday -> Monday 1 March
    expect(due("2028-01-31")).toBe("2028-02-29"); // leap year, Tuesday
  });
});

describe("computeDeadline: month ends and leap years", () => {
  it.each([
    ["2026-03-31", "2026-04-30"], // Thursday
    ["2026-05-31", "2026-06-30"], // Tuesday
    ["2026-10-31", "2026-11-30"], // Monday
    ["2026-12-31", "2027-02-01"], // 31 Jan 2027 is Sunday -> Monday
    ["2026-02-28", "2026-03-30"], // 28 March, not 31 March; Saturday -> Monday
    ["2028-02-29", "2028-03-29"], // Wednesday
    ["2024-02-29", "2024-04-02"], // 29 Mar 2024 Good Friday -> Sat -> Easter Sunday -> Easter Monday -> Tue
    ["2000-01-31", "2000-02-29"], // 2000 is a leap year (Tuesday)
    ["2099-12-31", "2100-02-01"], // 31 Jan 2100 is Sunday
  ])("received %s -> due %s", (receipt, expected) => {
    expect(due(receipt)).toBe(expected);
  });

  it("2100 is not a leap year: 31 Jan 2100 -> raw 28 Feb (Sunday) -> Monday 1 March", () => {
    const e = explainDeadline({ receivedAt: noon("2100-01-31") });
    expect(e.rawDueDate).toBe("2100-02-28");
    expect(e.dueDate).toBe("2100-03-01");
  });
});

describe("computeDeadline: every Norwegian public holiday 2025-2028", () => {
  // [receipt date, holiday the raw due date lands on, expected due date] — worked out by hand.
  const cases: [string, string, string][] = [
    // 2025
    ["2024-12-01", "2025-01-01 New Year (Wed)", "2025-01-02"],
    ["2025-03-17", "2025-04-17 Maundy Thursday", "2025-04-22"],
    ["2025-03-18", "2025-04-18 Good Friday", "2025-04-22"],
    ["2025-03-20", "2025-04-20 Easter Sunday", "2025-04-22"],
    ["2025-03-21", "2025-04-21 Easter Monday", "2025-04-22"],
    ["2025-04-01", "2025-05-01 (Thu)", "2025-05-02"],
    ["2025-04-17", "2025-05-17 (Sat)", "2025-05-19"],
    ["2025-04-29", "2025-05-29 Ascension", "2025-05-30"],
    ["2025-05-08", "2025-06-08 Whit Sunday", "2025-06-10"],
    ["2025-05-09", "2025-06-09 Whit Monday", "2025-06-10"],
    ["2025-11-25", "2025-12-25 Christmas (Thu)", "2025-12-29"],
    ["2025-11-26", "2025-12-26 Boxing Day (Fri)", "2025-12-29"],
    // 2026
    ["2025-12-01", "2026-01-01 New Year (Thu)", "2026-01-02"],
    ["2026-03-02", "2026-04-02 Maundy Thursday", "2026-04-07"],
    ["2026-03-03", "2026-04-03 Good Friday", "2026-04-07"],
    ["2026-03-05", "2026-04-05 Easter Sunday", "2026-04-07"],
    ["2026-03-06", "2026-04-06 Easter Monday", "2026-04-07"],
    ["2026-04-01", "2026-05-01 (Fri)", "2026-05-04"],
    ["2026-04-14", "2026-05-14 Ascension", "2026-05-15"],
    ["2026-04-17", "2026-05-17 (Sun)", "2026-05-18"],
    ["2026-04-24", "2026-05-24 Whit Sunday", "2026-05-26"],
    ["2026-04-25", "2026-05-25 Whit Monday", "2026-05-26"],
    ["2026-11-25", "2026-12-25 Christmas (Fri)", "2026-12-28"],
    ["2026-11-26", "2026-12-26 Boxing Day (Sat)", "2026-12-28"],
    // 2027
    ["2026-12-01", "2027-01-01 New Year (Fri)", "2027-01-04"],
    ["2027-02-25", "2027-03-25 Maundy Thursday", "2027-03-30"],
    ["2027-02-26", "2027-03-26 Good Friday", "2027-03-30"],
    ["2027-02-28", "2027-03-28 Easter Sunday", "2027-03-30"],
    // (2027-03-29 Easter Monday is covered below: no one-month receipt lands on it)
    ["2027-04-01", "2027-05-01 (Sat)", "2027-05-03"],
    ["2027-04-06", "2027-05-06 Ascension", "2027-05-07"],
    ["2027-04-16", "2027-05-16 Whit Sunday", "2027-05-18"],
    ["2027-04-17", "2027-05-17 Whit Monday + Constitution Day", "2027-05-18"],
    ["2027-11-25", "2027-12-25 Christmas (Sat)", "2027-12-27"],
    ["2027-11-26", "2027-12-26 Boxing Day (Sun)", "2027-12-27"],
    // 2028
    ["2027-12-01", "2028-01-01 New Year (Sat)", "2028-01-03"],
    ["2028-03-13", "2028-04-13 Maundy Thursday", "2028-04-18"],
    ["2028-03-14", "2028-04-14 Good Friday", "2028-04-18"],
    ["2028-03-16", "2028-04-16 Easter Sunday", "2028-04-18"],
    ["2028-03-17", "2028-04-17 Easter Monday", "2028-04-18"],
    ["2028-04-01", "2028-05-01 (Mon)", "2028-05-02"],
    ["2028-04-17", "2028-05-17 (Wed)", "2028-05-18"],
    ["2028-04-25", "2028-05-25 Ascension", "2028-05-26"],
    ["2028-05-04", "2028-06-04 Whit Sunday", "2028-06-06"],
    ["2028-05-05", "2028-06-05 Whit Monday", "2028-06-06"],
    ["2028-11-25", "2028-12-25 Christmas (Mon)", "2028-12-27"],
    ["2028-11-26", "2028-12-26 Boxing Day (Tue)", "2028-12-27"],
  ];

  it.each(cases)("received %s, raw due %s -> due %s", (receipt, holiday, expected) => {
    const e = explainDeadline({ receivedAt: noon(receipt) });
    expect(e.rawDueDate).toBe(holiday.slice(0, 10));
    expect(e.movedBecause[0]?.date).toBe(holiday.slice(0, 10));
    expect(e.dueDate).toBe(expected);
    expect(computeDeadline({ receivedAt: noon(receipt) }).dueDate).toBe(expected);
  });

  it("Easter Monday 2027-03-29 (no 29 Feb in 2027): reached via extension and via a pause", () => {
    const ext = explainDeadline({ receivedAt: noon("2026-12-29"), extended: true });
    expect(ext.rawDueDate).toBe("2027-03-29");
    expect(ext.dueDate).toBe("2027-03-30");
    const paused = explainDeadline({ receivedAt: noon("2027-02-28"), pauses: [pauseOfDays("2027-03-01", 1)] });
    expect(paused.rawDueDate).toBe("2027-03-28");
    expect(paused.pausedDueDate).toBe("2027-03-29");
    expect(paused.dueDate).toBe("2027-03-30");
  });

  it("explains the Easter chain: Maundy Thursday -> Good Friday -> Sat -> Easter Sunday -> Easter Monday -> Tuesday", () => {
    const e = explainDeadline({ receivedAt: noon("2026-03-02") });
    expect(e).toMatchObject({
      receiptDate: "2026-03-02",
      extended: false,
      months: 1,
      rawDueDate: "2026-04-02",
      pauseDays: 0,
      pausedDueDate: "2026-04-02",
      dueDate: "2026-04-07",
    });
    expect(e.movedBecause.map((s) => [s.date, s.weekend, s.holidays.map((h) => h.en)])).toEqual([
      ["2026-04-02", null, ["Maundy Thursday"]],
      ["2026-04-03", null, ["Good Friday"]],
      ["2026-04-04", "saturday", []],
      ["2026-04-05", "sunday", ["Easter Sunday"]],
      ["2026-04-06", null, ["Easter Monday"]],
    ]);
    expect(e.movedBecause[0]?.holidays[0]?.nb).toBe("Skjærtorsdag");
  });

  it("a working raw due date is not moved", () => {
    const e = explainDeadline({ receivedAt: noon("2026-03-01") });
    expect(e.dueDate).toBe("2026-04-01");
    expect(e.movedBecause).toEqual([]);
  });

  it("24 and 31 December are working days for deadlines", () => {
    expect(due("2026-11-24")).toBe("2026-12-24"); // Thursday
    expect(due("2025-12-31")).toBe("2026-02-02"); // 31 Jan 2026 Saturday -> Monday
    expect(due("2026-11-30")).toBe("2026-12-30"); // Wednesday
    expect(due("2027-11-24")).toBe("2027-12-24"); // Friday
    expect(due("2027-11-30")).toBe("2027-12-30"); // Thursday
  });
});

describe("computeDeadline: Oslo date vs UTC date", () => {
  it("2026-02-28T23:30:00Z is 1 March in Oslo (CET): due 1 April, not 30 March", () => {
    const e = explainDeadline({ receivedAt: new Date("2026-02-28T23:30:00Z") });
    expect(e.receiptDate).toBe("2026-03-01");
    expect(e.dueDate).toBe("2026-04-01");
  });

  it("2026-02-28T22:59:59Z is still 28 February in Oslo: due Monday 30 March", () => {
    expect(computeDeadline({ receivedAt: new Date("2026-02-28T22:59:59Z") }).dueDate).toBe("2026-03-30");
  });

  it("2026-06-30T22:30:00Z is 1 July in Oslo (CEST): raw 1 August (Saturday) -> Monday 3 August", () => {
    const e = explainDeadline({ receivedAt: new Date("2026-06-30T22:30:00Z") });
    expect(e.receiptDate).toBe("2026-07-01");
    expect(e.rawDueDate).toBe("2026-08-01");
    expect(e.dueDate).toBe("2026-08-03");
  });

  it("2026-06-30T21:59:59Z is still 30 June in Oslo: due Thursday 30 July", () => {
    expect(computeDeadline({ receivedAt: new Date("2026-06-30T21:59:59Z") }).dueDate).toBe("2026-07-30");
  });
});

describe("computeDeadline: DST changes", () => {
  it.each([
    // spring forward, Sunday 2026-03-29 02:00 CET -> 03:00 CEST
    ["2026-03-28T22:59:59Z", "2026-03-28", "2026-04-28"], // 23:59:59 CET Saturday -> Tuesday
    ["2026-03-28T23:30:00Z", "2026-03-29", "2026-04-29"], // 00:30 CET -> Wednesday
    ["2026-03-29T00:59:59Z", "2026-03-29", "2026-04-29"], // 01:59:59 CET
    ["2026-03-29T01:00:00Z", "2026-03-29", "2026-04-29"], // 03:00 CEST
    ["2026-03-29T21:59:59Z", "2026-03-29", "2026-04-29"], // 23:59:59 CEST
    ["2026-03-29T22:30:00Z", "2026-03-30", "2026-04-30"], // 00:30 CEST Monday -> Thursday
    // fall back, Sunday 2026-10-25 03:00 CEST -> 02:00 CET
    ["2026-10-24T21:59:59Z", "2026-10-24", "2026-11-24"], // 23:59:59 CEST -> Tuesday
    ["2026-10-24T22:30:00Z", "2026-10-25", "2026-11-25"], // 00:30 CEST -> Wednesday
    ["2026-10-25T00:30:00Z", "2026-10-25", "2026-11-25"], // 02:30 CEST (first pass)
    ["2026-10-25T01:30:00Z", "2026-10-25", "2026-11-25"], // 02:30 CET (second pass)
    ["2026-10-25T22:30:00Z", "2026-10-25", "2026-11-25"], // 23:30 CET
    ["2026-10-25T23:00:00Z", "2026-10-26", "2026-11-26"], // 00:00 CET Monday -> Thursday
  ])("received %s (Oslo %s) -> due %s", (iso, receiptDate, expected) => {
    const e = explainDeadline({ receivedAt: new Date(iso) });
    expect(e.receiptDate).toBe(receiptDate);
    expect(e.dueDate).toBe(expected);
  });
});

describe("computeDeadline: extension (Art. 12(3))", () => {
  it("extended = receipt + 3 months, then moved", () => {
    expect(due("2026-03-31", { extended: true })).toBe("2026-06-30"); // Tuesday
    expect(due("2025-11-30", { extended: true })).toBe("2026-03-02"); // raw 28 Feb 2026 (Sat) -> Mon
    expect(due("2025-11-29", { extended: true })).toBe("2026-03-02"); // 29 Feb 2026 does not exist -> 28 Feb -> Mon
    expect(due("2027-12-31", { extended: true })).toBe("2028-03-31"); // Friday
    expect(due("2027-11-29", { extended: true })).toBe("2028-02-29"); // leap day, Tuesday
    expect(due("2026-01-30", { extended: true })).toBe("2026-04-30"); // one-month date was clamped to 28 Feb; extension is not
  });

  it("is computed from the receipt date, not from the moved one-month date", () => {
    // 31 Jan 2026: one month -> 28 Feb (Sat) -> moved to 2 March.
    // From receipt: 30 April (Thursday). From the moved date: 2 May (Sat) -> 4 May: later, non-compliant.
    expect(due("2026-01-31")).toBe("2026-03-02");
    expect(due("2026-01-31", { extended: true })).toBe("2026-04-30");

    // 2 March 2026: one month -> 2 April (Maundy Thursday) -> 7 April.
    // From receipt: 2 June (Tuesday). From the moved date: 7 June (Sunday) -> 8 June.
    expect(due("2026-03-02")).toBe("2026-04-07");
    const e = explainDeadline({ receivedAt: noon("2026-03-02"), extended: true });
    expect(e).toMatchObject({ months: 3, extended: true, rawDueDate: "2026-06-02", dueDate: "2026-06-02" });
  });

  it("extended: false behaves like no extension", () => {
    expect(due("2026-01-31", { extended: false })).toBe("2026-03-02");
  });
});

describe("computeDeadline: pauses", () => {
  it("adds the calendar days of a pause to the raw date", () => {
    expect(due("2026-09-01")).toBe("2026-10-01"); // Thursday
    expect(due("2026-09-01", { pauses: [pauseOfDays("2026-09-10", 5)] })).toBe("2026-10-06"); // Tuesday
  });

  it("adds pause days before the weekend/holiday move, not after", () => {
    // raw 3 Oct 2026 (Sat) + 2 = 5 Oct (Mon). Moving first would give 5 Oct + 2 = 7 Oct.
    expect(due("2026-09-03", { pauses: [pauseOfDays("2026-09-10", 2)] })).toBe("2026-10-05");
    // raw 2 Apr 2026 (Maundy Thursday) + 1 = Good Friday -> 7 Apr. Moving first would give 8 Apr.
    expect(due("2026-03-02", { pauses: [pauseOfDays("2026-03-10", 1)] })).toBe("2026-04-07");
    // paused date itself lands on a weekend: 1 Oct + 2 = 3 Oct (Sat) -> Mon 5 Oct
    expect(due("2026-09-01", { pauses: [pauseOfDays("2026-09-10", 2)] })).toBe("2026-10-05");
  });

  it("sums multiple pauses", () => {
    const e = explainDeadline({
      receivedAt: noon("2026-09-01"),
      pauses: [pauseOfDays("2026-09-02", 3), pauseOfDays("2026-09-14", 2)],
    });
    expect(e.pauseDays).toBe(5);
    expect(e.pausedDueDate).toBe("2026-10-06");
    expect(e.dueDate).toBe("2026-10-06");
  });

  it("counts Oslo calendar dates, not 24-hour periods", () => {
    // 10 Sep 23:30Z is 11 Sep 01:30 Oslo; 11 Sep 06:00Z is 11 Sep in Oslo: 0 days.
    const zero = { from: new Date("2026-09-10T23:30:00Z"), to: new Date("2026-09-11T06:00:00Z") };
    expect(explainDeadline({ receivedAt: noon("2026-09-01"), pauses: [zero] }).pauseDays).toBe(0);
    // 10 Sep 20:00Z (22:00 Oslo) to 10 Sep 22:30Z (00:30 on 11 Sep Oslo): 1 day although only 2.5 hours.
    const short = { from: new Date("2026-09-10T20:00:00Z"), to: new Date("2026-09-10T22:30:00Z") };
    expect(explainDeadline({ receivedAt: noon("2026-09-01"), pauses: [short] }).pauseDays).toBe(1);
    // a zero-length pause is allowed
    const instant = new Date("2026-09-10T10:00:00Z");
    expect(due("2026-09-01", { pauses: [{ from: instant, to: instant }] })).toBe("2026-10-01");
  });

  it("a pause spanning the spring DST change counts calendar days (5, though only 119 hours)", () => {
    const p = { from: new Date("2026-03-27T12:00:00Z"), to: new Date("2026-04-01T12:00:00Z") };
    const e = explainDeadline({ receivedAt: noon("2026-03-16"), pauses: [p] });
    expect(e.pauseDays).toBe(5);
    expect(e.rawDueDate).toBe("2026-04-16");
    expect(e.dueDate).toBe("2026-04-21"); // Tuesday
  });

  it("a pause spanning the autumn DST change counts calendar days (2, though only 47.5 hours)", () => {
    // 24 Oct 12:00 CEST -> 26 Oct 10:30 CET
    const p = { from: new Date("2026-10-24T10:00:00Z"), to: new Date("2026-10-26T09:30:00Z") };
    const e = explainDeadline({ receivedAt: noon("2026-10-01"), pauses: [p] });
    expect(e.pauseDays).toBe(2);
    expect(e.rawDueDate).toBe("2026-11-01"); // Sunday
    expect(e.pausedDueDate).toBe("2026-11-03");
    expect(e.dueDate).toBe("2026-11-03"); // Tuesday
  });

  it("pauses also extend the extended date", () => {
    // 31 Jan 2026 extended: 30 Apr + 1 = 1 May (holiday, Fri) -> Sat -> Sun -> Mon 4 May
    expect(due("2026-01-31", { extended: true, pauses: [pauseOfDays("2026-02-05", 1)] })).toBe("2026-05-04");
  });

  it("an empty pause list changes nothing", () => {
    expect(due("2026-01-31", { pauses: [] })).toBe("2026-03-02");
  });
});

describe("computeDeadline: input validation", () => {
  it("rejects an invalid receivedAt", () => {
    expect(() => computeDeadline({ receivedAt: new Date("not a date") })).toThrow(RangeError);
    expect(() => computeDeadline({ receivedAt: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => computeDeadline({ receivedAt: "2026-01-01" as unknown as Date })).toThrow(RangeError);
  });

  it("rejects a pause that ends before it starts", () => {
    const pause = { from: new Date("2026-09-10T10:00:00Z"), to: new Date("2026-09-10T09:59:59Z") };
    expect(() => computeDeadline({ receivedAt: noon("2026-09-01"), pauses: [pause] })).toThrow(RangeError);
  });

  it("rejects a pause with an invalid instant", () => {
    const bad = { from: new Date("x"), to: new Date("2026-09-10T09:59:59Z") };
    expect(() => computeDeadline({ receivedAt: noon("2026-09-01"), pauses: [bad] })).toThrow(RangeError);
    const bad2 = { from: new Date("2026-09-10T09:59:59Z"), to: new Date("x") };
    expect(() => computeDeadline({ receivedAt: noon("2026-09-01"), pauses: [bad2] })).toThrow(RangeError);
  });

  it("returns exactly { dueDate }", () => {
    expect(computeDeadline({ receivedAt: noon("2026-08-31") })).toEqual({ dueDate: "2026-09-30" });
  });
});

describe("oneMonthDueDate", () => {
  it("is the non-extended due date, with pauses", () => {
    expect(oneMonthDueDate({ receivedAt: noon("2026-03-02") })).toBe("2026-04-07");
    expect(oneMonthDueDate({ receivedAt: noon("2026-09-01"), pauses: [pauseOfDays("2026-09-10", 5)] })).toBe(
      "2026-10-06",
    );
  });
});

describe("daysLeft / isOverdue", () => {
  it("daysLeft counts calendar days to the due date", () => {
    expect(daysLeft("2026-04-07", "2026-04-01")).toBe(6);
    expect(daysLeft("2026-04-07", "2026-04-07")).toBe(0);
    expect(daysLeft("2026-04-07", "2026-04-08")).toBe(-1);
    expect(daysLeft("2026-03-30", "2026-03-28")).toBe(2); // across DST
    expect(daysLeft("2027-01-04", "2026-12-30")).toBe(5); // across year end
  });

  it("CEST: 23:59 Oslo on the due date is not overdue, 00:00 the next day is", () => {
    expect(isOverdue("2026-04-07", new Date("2026-04-07T21:59:00Z"))).toBe(false); // 23:59 CEST
    expect(isOverdue("2026-04-07", new Date("2026-04-07T21:59:59.999Z"))).toBe(false);
    expect(isOverdue("2026-04-07", new Date("2026-04-07T22:00:00Z"))).toBe(true); // 00:00 CEST 8 April
    expect(isOverdue("2026-04-07", new Date("2026-04-06T10:00:00Z"))).toBe(false);
  });

  it("CET: 23:59 Oslo on the due date is not overdue, 00:00 the next day is", () => {
    expect(isOverdue("2026-03-02", new Date("2026-03-02T22:59:00Z"))).toBe(false); // 23:59 CET
    expect(isOverdue("2026-03-02", new Date("2026-03-02T23:00:00Z"))).toBe(true); // 00:00 CET 3 March
  });

  it("agrees with osloEndOfDay", () => {
    for (const date of ["2026-03-29", "2026-10-25", "2026-07-15", "2026-12-31"]) {
      const end = osloEndOfDay(date);
      expect(isOverdue(date, end), date).toBe(false);
      expect(isOverdue(date, new Date(end.getTime() + 1)), date).toBe(true);
    }
  });

  it("rejects an invalid now", () => {
    expect(() => isOverdue("2026-04-07", new Date("x"))).toThrow(RangeError);
  });
});
