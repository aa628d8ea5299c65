import { decimateMinMax } from '../../../../core/series/decimate';

/** The data of one trace, as plotly holds it: `null` in `y` breaks the line (a gap). */
export interface TraceColumns {
  x: number[];
  y: (number | null)[];
}

/**
 * Bounds a live trace without changing what it shows. Points from before `keepFrom` (out
 * of view) go, and the rest is M4-decimated into buckets of `bucketMs` like the server
 * decimates history, so every spike stays; the gaps (nulls) stay where they are. Dropping
 * the oldest points instead (what extendTraces' maxPoints does) would blank most of the
 * window: at 50 Hz, 2,000 points are the last 40 s of a 24 h window. The arrays are
 * changed in place, since plotly holds them.
 */
export function compactTrace(columns: TraceColumns, keepFrom: number, bucketMs: number): void {
  if (!(bucketMs > 0)) return;
  const out: TraceColumns = { x: [], y: [] };
  let t: number[] = [];
  let v: number[] = [];
  const decimateRun = () => {
    if (t.length === 0) return;
    // decimateMinMax makes maxPoints / 5 buckets over the run's span. History is already
    // decimated, its points far apart: only the nulls it carries are gaps, hence Infinity.
    const buckets = Math.ceil(((t.at(-1) as number) - (t[0] as number)) / bucketMs);
    const kept = decimateMinMax(t, v, 5 * Math.max(1, buckets), Infinity);
    kept.t.forEach((time, i) => {
      out.x.push(time);
      out.y.push(kept.v[i] ?? null);
    });
    [t, v] = [[], []];
  };
  columns.x.forEach((time, i) => {
    const value = columns.y[i];
    if (time < keepFrom) return;
    if (value !== null && value !== undefined) {
      t.push(time);
      v.push(value);
      return;
    }
    decimateRun();
    if (out.y.length > 0 && out.y.at(-1) !== null) {
      out.x.push(time);
      out.y.push(null);
    }
  });
  decimateRun();
  columns.x.length = 0;
  columns.y.length = 0;
  out.x.forEach((time, i) => {
    columns.x.push(time);
    columns.y.push(out.y[i] ?? null);
  });
}

/** Index of the first x at or after `from` (x is sorted, gap markers included). */
export function firstIndexFrom(x: readonly number[], from: number): number {
  let low = 0;
  let high = x.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((x[mid] as number) < from) low = mid + 1;
    else high = mid;
  }
  return low;
}
