// The due-date rules of ../shared/domain/legal-rules.md §1, written out again for the e2e tests,
// independent of lib/domain (the code under test): the Oslo receipt date, one calendar month with the
// day clamped, the days a case waited added to the raw date, then the move past weekends and the
// public holidays listed there (written out per year, from the Easter dates the rules give).
const HOLIDAYS: Record<number, readonly string[]> = {
  // Easter Sunday 5 April 2026
  2026: ["01-01", "04-02", "04-03", "04-05", "04-06", "05-01", "05-14", "05-17", "05-24", "05-25", "12-25", "12-26"],
  // Easter Sunday 28 March 2027 (Whit Monday falls on 17 May)
  2027: ["01-01", "03-25", "03-26", "03-28", "03-29", "05-01", "05-06", "05-16", "05-17", "12-25", "12-26"],
  // Easter Sunday 16 April 2028
  2028: ["01-01", "04-13", "04-14", "04-16", "04-17", "05-01", "05-17", "05-25", "06-04", "06-05", "12-25", "12-26"],
};

/** The calendar date of an instant in Oslo. */
export function osloDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  const list = HOLIDAYS[year];
  // Loud rather than wrong: add the year's holidays from the rules when the tests reach it.
  if (!list) throw new Error(`legal-dates.ts has no holidays for ${year}`);
  return list.includes(day.slice(5));
}

/** The same day number a calendar month later, or that month's last day. */
function plusOneMonth(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m, Math.min(d, lastDay))));
}

function plusDays(day: string, days: number): string {
  return iso(new Date(utc(day).getTime() + days * 86_400_000));
}

/** The days between two Oslo dates. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** The due date of a request received at `receivedAt` that waited `pausedDays` calendar days. */
export function expectedDueDate(receivedAt: Date, pausedDays = 0): string {
  let due = plusDays(plusOneMonth(osloDate(receivedAt)), pausedDays);
  for (;;) {
    const weekday = utc(due).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(due)) return due;
    due = plusDays(due, 1);
  }
}
