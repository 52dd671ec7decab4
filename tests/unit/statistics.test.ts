import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileFromHistogram, type HistogramBin } from "@/lib/domain/statistics";

/** percentile_cont as PostgreSQL defines it, on the plain sorted list. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

function histogramOf(values: number[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Deliberately unsorted: the database does not promise an order.
  return [...counts].map(([value, count]) => ({ value, count })).reverse();
}

describe("percentileFromHistogram", () => {
  it("matches percentile_cont on hand-worked examples", () => {
    expect(percentileFromHistogram([], 0.5)).toBeNull();
    expect(percentileFromHistogram([{ value: 7, count: 0 }], 0.5)).toBeNull();
    expect(percentileFromHistogram([{ value: 12, count: 1 }], 0.9)).toBe(12);
    // 1, 2, 3, 4: median at position 1.5 -> 2.5, p90 at 2.7 -> 3.7
    const h = [
      { value: 4, count: 1 },
      { value: 1, count: 1 },
      { value: 3, count: 1 },
      { value: 2, count: 1 },
    ];
    expect(percentileFromHistogram(h, 0.5)).toBe(2.5);
    expect(percentileFromHistogram(h, 0.9)).toBeCloseTo(3.7, 10);
    // 10 x 5 days and 1 x 60 days: the outlier does not move the median, and p90 stays at 5.
    expect(percentileFromHistogram([{ value: 5, count: 10 }, { value: 60, count: 1 }], 0.5)).toBe(5);
    expect(percentileFromHistogram([{ value: 5, count: 10 }, { value: 60, count: 1 }], 0.9)).toBe(5);
    expect(percentileFromHistogram([{ value: 5, count: 10 }, { value: 60, count: 1 }], 1)).toBe(60);
    expect(() => percentileFromHistogram(h, 1.5)).toThrow(RangeError);
  });

  it("equals percentile_cont on the expanded list for any data and fraction", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const expected = percentileCont(values, p);
        const got = percentileFromHistogram(histogramOf(values), p);
        if (expected === null) return got === null;
        return got !== null && Math.abs(got - expected) < 1e-9;
      }),
      { numRuns: 2000 },
    );
  });
});
