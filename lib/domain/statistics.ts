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
