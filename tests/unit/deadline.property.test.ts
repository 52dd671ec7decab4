import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addCalendarMonths, addDays, daysBetween, osloDateOf, weekdayOf } from "@/lib/domain/calendar";
import { isNorwegianPublicHoliday } from "@/lib/domain/holidays";
import { computeDeadline, explainDeadline } from "@/lib/domain/deadline";

const RUNS = 2000;

const instant = fc.date({
  min: new Date("2000-01-01T00:00:00.000Z"),
  max: new Date("2100-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

/** A pause starting 0-60 days after receipt and lasting 0-90 days (any time of day). */
const pauseAfter = (receivedAt: Date) =>
  fc
    .record({
      startMs: fc.integer({ min: 0, max: 60 * 86_400_000 }),
      lengthMs: fc.integer({ min: 0, max: 90 * 86_400_000 }),
    })
    .map(({ startMs, lengthMs }) => {
      const from = new Date(receivedAt.getTime() + startMs);
      return { from, to: new Date(from.getTime() + lengthMs) };
    });

function isWorkingDay(date: string): boolean {
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6 && !isNorwegianPublicHoliday(date);
}

describe("computeDeadline properties (2000-2100)", () => {
  it("without pauses or extension: a working day within [receipt + 28 days, receipt + 1 month + 6 days], >= raw, minimal", () => {
    fc.assert(
      fc.property(instant, (receivedAt) => {
        const receipt = osloDateOf(receivedAt);
        const raw = addCalendarMonths(receipt, 1);
        const { dueDate } = computeDeadline({ receivedAt });

        expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isWorkingDay(dueDate)).toBe(true);
        expect(dueDate >= addDays(receipt, 28)).toBe(true);
        expect(dueDate <= addDays(raw, 6)).toBe(true);
        expect(dueDate >= raw).toBe(true);
        // minimal: every day from raw up to (not including) the due date is non-working
        for (let d = raw; d < dueDate; d = addDays(d, 1)) {
          expect(isWorkingDay(d), d).toBe(false);
        }
        // the raw date's day number equals the receipt's unless clamped to a month end
        const receiptDay = Number(receipt.slice(8));
        const rawDay = Number(raw.slice(8));
        expect(rawDay === receiptDay || (rawDay < receiptDay && addDays(raw, 1).endsWith("-01"))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("with extension: never earlier than without, a working day, within receipt + 3 months + 6 days", () => {
    fc.assert(
      fc.property(instant, (receivedAt) => {
        const receipt = osloDateOf(receivedAt);
        const normal = computeDeadline({ receivedAt }).dueDate;
        const extended = computeDeadline({ receivedAt, extended: true }).dueDate;
        expect(extended >= normal).toBe(true);
        expect(isWorkingDay(extended)).toBe(true);
        expect(extended >= addCalendarMonths(receipt, 3)).toBe(true);
        expect(extended <= addDays(addCalendarMonths(receipt, 3), 6)).toBe(true);
        expect(daysBetween(receipt, extended)).toBeGreaterThanOrEqual(89);
      }),
      { numRuns: RUNS },
    );
  });

  it("adding a pause never makes the due date earlier; pause days are added to the raw date", () => {
    fc.assert(
      fc.property(
        instant.chain((receivedAt) =>
          fc.tuple(
            fc.constant(receivedAt),
            fc.array(pauseAfter(receivedAt), { maxLength: 3 }),
            pauseAfter(receivedAt),
            fc.boolean(),
          ),
        ),
        ([receivedAt, pauses, extra, extended]) => {
          const before = explainDeadline({ receivedAt, pauses, extended });
          const after = explainDeadline({ receivedAt, pauses: [...pauses, extra], extended });
          expect(after.dueDate >= before.dueDate).toBe(true);
          expect(after.pauseDays).toBe(before.pauseDays + daysBetween(osloDateOf(extra.from), osloDateOf(extra.to)));
          expect(after.pausedDueDate).toBe(addDays(after.rawDueDate, after.pauseDays));
          expect(isWorkingDay(after.dueDate)).toBe(true);
          expect(after.dueDate <= addDays(after.pausedDueDate, 6)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a later receipt never gives an earlier due date", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (receivedAt, deltaMs) => {
        const later = new Date(receivedAt.getTime() + deltaMs);
        expect(computeDeadline({ receivedAt: later }).dueDate >= computeDeadline({ receivedAt }).dueDate).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
