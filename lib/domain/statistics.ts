/**
 * Percentiles from a histogram of whole numbers (e.g. days to close), with exactly the definition
 * of PostgreSQL's percentile_cont: the value at position p × (n − 1) of the sorted values, linearly
 * interpolated between its two neighbours. The database groups by value (a few hundred groups)
 * instead of sorting every case; this turns the counts back into the same number. Pure, no I/O.
 */
export type HistogramBin = { value: number; count: number };

/** The k-th smallest value (0-based) of the multiset described by sorted `bins`. */
function nth(bins: readonly HistogramBin[], k: number): number {
  let seen = 0;
  for (const bin of bins) {
    seen += bin.count;
    if (k < seen) return bin.value;
  }
  throw new RangeError("index past the end of the histogram");
}

/** percentile_cont(p) over the values in `histogram`; null when it is empty. */
export function percentileFromHistogram(histogram: readonly HistogramBin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  const bins = histogram.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = bins.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const position = p * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = nth(bins, lower);
  if (upper === lower) return low;
  const high = nth(bins, upper);
  return low + (position - lower) * (high - low);
}

/**
 * The on-time rate of a period, where an overdue case that is still open counts as late (a rate of
 * closed cases alone shows 100 % while requests wait past their deadline):
 *
 *   numerator   = cases answered (decided: granted, partly granted, refused) in the period on or
 *                 before their due date in force
 *   denominator = every case answered in the period
 *               + open cases whose due date fell in the period, has passed, and that are still
 *                 unanswered (a case waiting for the requester has no running deadline: not counted)
 *
 * Withdrawn cases are neither. The rate is a percentage with one decimal, rounded to the nearest,
 * except that it never reads 100 while one case is late, nor 0 while one is on time (99.96 % shows
 * as 99.9 %, not 100 %). null when nothing was counted.
 */
export type OnTimeCounts = {
  /** Answered in the period, on or before the due date. */
  answeredOnTime: number;
  /** Answered in the period, after the due date. */
  answeredLate: number;
  /** Still open, due date in the period and passed, deadline running (not waiting for the requester). */
  openOverdue: number;
};

export type OnTimeRate = OnTimeCounts & {
  /** answeredOnTime + answeredLate + openOverdue: the denominator. */
  counted: number;
  /** answeredOnTime + answeredLate. */
  answered: number;
  /** All late ones: answeredLate + openOverdue. */
  late: number;
  /** Percentage with one decimal, or null when `counted` is 0. */
  rate: number | null;
};

function count(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of cases, 0 or more`);
  return value;
}

export function onTimeRate(counts: OnTimeCounts): OnTimeRate {
  const answeredOnTime = count(counts.answeredOnTime, "answeredOnTime");
  const answeredLate = count(counts.answeredLate, "answeredLate");
  const openOverdue = count(counts.openOverdue, "openOverdue");
  const answered = answeredOnTime + answeredLate;
  const late = answeredLate + openOverdue;
  const counted = answered + openOverdue;
  let rate: number | null = null;
  if (counted > 0) {
    // Tenths of a percent in integer arithmetic (no 0.1 + 0.2 surprises), rounded half up.
    let tenths = Math.floor((answeredOnTime * 2000 + counted) / (2 * counted));
    if (late > 0) tenths = Math.min(tenths, 999);
    if (answeredOnTime > 0) tenths = Math.max(tenths, 1);
    rate = tenths / 10;
  }
  return { answeredOnTime, answeredLate, openOverdue, answered, late, counted, rate };
}

/** Adds up several periods' (e.g. months') counts: the rate of the whole comes from the sums, never from averaging rates. */
export function sumOnTime(parts: readonly OnTimeCounts[]): OnTimeRate {
  return onTimeRate(
    parts.reduce<OnTimeCounts>(
      (s, p) => ({ answeredOnTime: s.answeredOnTime + p.answeredOnTime, answeredLate: s.answeredLate + p.answeredLate, openOverdue: s.openOverdue + p.openOverdue }),
      { answeredOnTime: 0, answeredLate: 0, openOverdue: 0 },
    ),
  );
}

/** Several histograms as one (e.g. the months of a period, for its median). */
export function mergeHistograms(histograms: readonly (readonly HistogramBin[])[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const h of histograms) for (const b of h) counts.set(b.value, (counts.get(b.value) ?? 0) + b.count);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}
