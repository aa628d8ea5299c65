import { gapThresholdMs } from './gaps';

export interface Series {
  t: number[];
  /** `null` marks a gap: the plot breaks the line there. */
  v: (number | null)[];
}

/**
 * M4 decimation (first, min, max and last of each bucket), which draws the same line as
 * the raw data at the plot's resolution: every spike and every gap stays. The time range
 * is cut into buckets; each bucket contributes those points in time order, and a null
 * marks each raw gap wider than the threshold and visible at this resolution. The result
 * never holds more than `maxPoints` entries (gap markers included); maxPoints must be ≥ 5.
 */
export function decimateMinMax(
  t: readonly number[],
  v: readonly number[],
  maxPoints: number,
  gapMs: number,
): Series {
  if (t.length <= maxPoints) {
    const full = withGaps(t, v, gapMs);
    if (full.t.length <= maxPoints) return full;
  }
  // Gappy data needs more room (a null and a split bucket per gap): fewer buckets until it fits.
  let bucketCount = Math.max(1, Math.floor(maxPoints / 5));
  for (;;) {
    const out = bucketM4(t, v, bucketCount, gapMs);
    if (out.t.length <= maxPoints) return out;
    // Gaps everywhere at every resolution: draw the envelope without them rather than overflow.
    if (bucketCount === 1) return bucketM4(t, v, Math.max(1, Math.floor(maxPoints / 5)), Infinity);
    bucketCount = Math.max(1, Math.floor((bucketCount * maxPoints) / out.t.length / 1.1));
  }
}

function bucketM4(
  t: readonly number[],
  v: readonly number[],
  bucketCount: number,
  gapMs: number,
): Series {
  const n = t.length;
  const start = t[0] as number;
  const width = Math.max(1, ((t[n - 1] as number) - start) / bucketCount);
  // A gap narrower than an eighth of a bucket is not visible at this resolution.
  const visibleGapMs = Math.max(gapMs, width / 8);
  // (gapMs = Infinity turns gap markers off)
  const out: Series = { t: [], v: [] };
  let bucket = -1;
  let firstI = -1;
  let minI = -1;
  let maxI = -1;
  const flush = (lastI: number) => {
    if (firstI < 0) return;
    const picked = [...new Set([firstI, minI, maxI, lastI])].sort((a, b) => a - b);
    for (const i of picked) {
      out.t.push(t[i] as number);
      out.v.push(v[i] as number);
    }
    firstI = -1;
  };
  for (let i = 0; i < n; i += 1) {
    const time = t[i] as number;
    const b = Math.min(bucketCount - 1, Math.floor((time - start) / width));
    const gap = i > 0 && time - (t[i - 1] as number) > visibleGapMs;
    if (b !== bucket || gap) {
      flush(i - 1);
      if (gap) {
        out.t.push(((t[i - 1] as number) + time) / 2);
        out.v.push(null);
      }
      bucket = b;
      firstI = i;
      minI = i;
      maxI = i;
    }
    const value = v[i] as number;
    if (value < (v[minI] as number)) minI = i;
    if (value > (v[maxI] as number)) maxI = i;
  }
  flush(n - 1);
  return out;
}

/** Copies the series, with a null between two points further apart than `gapMs`. */
export function withGaps(t: readonly number[], v: readonly number[], gapMs: number): Series {
  const out: Series = { t: [], v: [] };
  for (let i = 0; i < t.length; i += 1) {
    const time = t[i] as number;
    if (i > 0 && time - (t[i - 1] as number) > gapMs) {
      out.t.push(((t[i - 1] as number) + time) / 2);
      out.v.push(null);
    }
    out.t.push(time);
    out.v.push(v[i] as number);
  }
  return out;
}

export { gapThresholdMs };
