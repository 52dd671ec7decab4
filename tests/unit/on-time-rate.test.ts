import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeHistograms, onTimeRate, sumOnTime } from "@/lib/domain/statistics";

describe("onTimeRate", () => {
  it("counts overdue open cases as late: all answered on time is not 100 % while cases are overdue", () => {
    // 11 answered, all on time, and one open case past its deadline: 11 of 12.
    expect(onTimeRate({ answeredOnTime: 11, answeredLate: 0, openOverdue: 1 })).toEqual({
      answeredOnTime: 11,
      answeredLate: 0,
      openOverdue: 1,
      answered: 11,
      late: 1,
      counted: 12,
      rate: 91.7,
    });
    expect(onTimeRate({ answeredOnTime: 11, answeredLate: 0, openOverdue: 0 }).rate).toBe(100);
  });

  it("rounds to one decimal, half up, on exact integer arithmetic", () => {
    expect(onTimeRate({ answeredOnTime: 2, answeredLate: 1, openOverdue: 0 }).rate).toBe(66.7);
    expect(onTimeRate({ answeredOnTime: 1, answeredLate: 2, openOverdue: 0 }).rate).toBe(33.3);
    expect(onTimeRate({ answeredOnTime: 1, answeredLate: 1, openOverdue: 0 }).rate).toBe(50);
    // 1/16 = 6.25 %: half up gives 6.3.
    expect(onTimeRate({ answeredOnTime: 1, answeredLate: 10, openOverdue: 5 }).rate).toBe(6.3);
    // 1/8 = 12.5 % exactly.
    expect(onTimeRate({ answeredOnTime: 1, answeredLate: 7, openOverdue: 0 }).rate).toBe(12.5);
  });

  it("never shows 100 % with a late case, nor 0 % with one on time", () => {
    // 1999 of 2000 is 99.95 %: rounded it would read 100 %.
    expect(onTimeRate({ answeredOnTime: 1999, answeredLate: 0, openOverdue: 1 }).rate).toBe(99.9);
    expect(onTimeRate({ answeredOnTime: 1, answeredLate: 2000, openOverdue: 0 }).rate).toBe(0.1);
    expect(onTimeRate({ answeredOnTime: 0, answeredLate: 3, openOverdue: 2 }).rate).toBe(0);
  });

  it("has no rate when nothing was counted", () => {
    expect(onTimeRate({ answeredOnTime: 0, answeredLate: 0, openOverdue: 0 })).toMatchObject({ counted: 0, rate: null });
  });

  it("refuses counts that are not whole numbers of cases", () => {
    expect(() => onTimeRate({ answeredOnTime: -1, answeredLate: 0, openOverdue: 0 })).toThrow(RangeError);
    expect(() => onTimeRate({ answeredOnTime: 1.5, answeredLate: 0, openOverdue: 0 })).toThrow(RangeError);
    expect(() => onTimeRate({ answeredOnTime: 0, answeredLate: Number.NaN, openOverdue: 0 })).toThrow(RangeError);
  });

  it("stays within 0-100, is 100 exactly when none is late, and is within 0.05 of the exact share otherwise", () => {
    const n = fc.nat({ max: 100_000 });
    fc.assert(
      fc.property(n, n, n, (answeredOnTime, answeredLate, openOverdue) => {
        const r = onTimeRate({ answeredOnTime, answeredLate, openOverdue });
        const counted = answeredOnTime + answeredLate + openOverdue;
        if (counted === 0) return r.rate === null;
        const exact = (answeredOnTime / counted) * 100;
        const lateCount = answeredLate + openOverdue;
        return (
          r.rate !== null &&
          r.rate >= 0 &&
          r.rate <= 100 &&
          (r.rate === 100) === (lateCount === 0) &&
          (r.rate === 0) === (answeredOnTime === 0) &&
          // The clamps move it at most to 99.9 / 0.1, otherwise it is the nearest tenth.
          Math.abs(r.rate - exact) <= (r.rate === 99.9 || r.rate === 0.1 ? 0.1 : 0.05 + 1e-9) &&
          Math.round(r.rate * 10) === r.rate * 10
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("adds up months by their counts, not by averaging their rates", () => {
    const months = [
      { answeredOnTime: 9, answeredLate: 1, openOverdue: 0 }, // 90 %
      { answeredOnTime: 0, answeredLate: 0, openOverdue: 0 }, // nothing
      { answeredOnTime: 1, answeredLate: 0, openOverdue: 9 }, // 10 %
    ];
    expect(sumOnTime(months)).toMatchObject({ answeredOnTime: 10, answeredLate: 1, openOverdue: 9, counted: 20, rate: 50 });
    expect(sumOnTime([])).toMatchObject({ counted: 0, rate: null });
  });
});

describe("mergeHistograms", () => {
  it("adds the counts of equal values and sorts by value", () => {
    expect(
      mergeHistograms([
        [
          { value: 30, count: 2 },
          { value: 5, count: 1 },
        ],
        [],
        [{ value: 5, count: 3 }],
      ]),
    ).toEqual([
      { value: 5, count: 4 },
      { value: 30, count: 2 },
    ]);
  });
});
