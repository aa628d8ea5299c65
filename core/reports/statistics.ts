import type { Statistics } from '../contracts/report';

/** Linear interpolation between closest ranks (the R-7 / spreadsheet definition). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lower = Math.floor(at);
  const upper = Math.ceil(at);
  const a = sorted[lower]!;
  return a + (sorted[upper]! - a) * (at - lower);
}

/**
 * Count, extremes, mean, sample standard deviation and the 5th, 50th and 95th percentiles.
 * Null for no values. Welford's update keeps the deviation exact for large offsets (hPa).
 */
export function statistics(values: readonly number[]): Statistics | null {
  if (values.length === 0) return null;
  let mean = 0;
  let m2 = 0;
  values.forEach((value, i) => {
    const delta = value - mean;
    mean += delta / (i + 1);
    m2 += delta * (value - mean);
  });
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: values.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    mean,
    stddev: values.length > 1 ? Math.sqrt(m2 / (values.length - 1)) : 0,
    p05: quantile(sorted, 0.05),
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
  };
}
