import type { Aggregate } from '../condition-schema';

/** The values of one input as plain arrays: how a series is checkpointed. */
export interface SeriesColumns {
  t: number[];
  v: number[];
}

// Small windows of regular data hold a handful of values, so scanning a window is cheaper
// than keeping incremental structures (and keeps the checkpoint a plain pair of arrays).
// Arrays grow at the end; now and then, when the dead part before [head, end) is large,
// the live part moves to the front, in place: pushes stay amortised O(1), and the arrays
// keep their storage instead of growing it again after every compaction.
const COMPACT_AFTER = 4096;

/** The evaluated history of one input: its newest value and as much past as windows need. */
export class InputSeries {
  private readonly times: number[];
  private readonly values: number[];
  private head = 0;
  private end: number;

  constructor(
    private readonly retentionMs: number,
    columns: SeriesColumns = { t: [], v: [] },
  ) {
    this.times = [...columns.t];
    this.values = [...columns.v];
    this.end = this.times.length;
  }

  get lastTime(): number | null {
    return this.end > this.head ? (this.times[this.end - 1] as number) : null;
  }

  get lastValue(): number | null {
    return this.end > this.head ? (this.values[this.end - 1] as number) : null;
  }

  /** Appends a value; times only grow (the engine applies each input in time order). */
  push(timeMs: number, value: number): void {
    const { times, values } = this;
    times[this.end] = timeMs;
    values[this.end] = value;
    const last = this.end++;
    const oldest = timeMs - this.retentionMs;
    while (this.head < last && (times[this.head] as number) < oldest) this.head++;
    if (this.head > COMPACT_AFTER && this.head * 2 > this.end) {
      for (let i = this.head; i < this.end; i++) {
        times[i - this.head] = times[i] as number;
        values[i - this.head] = values[i] as number;
      }
      this.end -= this.head;
      this.head = 0;
    }
  }

  /** Index of the first value at or after `timeMs` (after it, when `inclusive` is false). */
  private firstFrom(timeMs: number, inclusive: boolean): number {
    let low = this.head;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const time = this.times[middle] as number;
      if (time < timeMs || (!inclusive && time === timeMs)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index range of the values in [from, to] (bounds made open by the flags). */
  range(
    fromMs: number,
    fromInclusive: boolean,
    toMs: number,
    toInclusive: boolean,
  ): [number, number] {
    return [this.firstFrom(fromMs, fromInclusive), this.firstFrom(toMs, !toInclusive)];
  }

  aggregate(fn: Aggregate, [start, end]: [number, number]): number | null {
    const n = end - start;
    if (fn === 'count') return n;
    if (n <= 0) return fn === 'sum' ? 0 : null;
    const values = this.values;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const x = values[i] as number;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (fn === 'sum') return sum;
    if (fn === 'min') return min;
    if (fn === 'max') return max;
    const mean = sum / n;
    if (fn === 'mean') return mean;
    let squares = 0;
    for (let i = start; i < end; i++) squares += ((values[i] as number) - mean) ** 2;
    return Math.sqrt(squares / n);
  }

  /** Newest value minus the oldest, minus the lowest (`rise`), or highest minus newest (`drop`). */
  change(kind: 'delta' | 'rise' | 'drop', [start, end]: [number, number]): number | null {
    if (end <= start) return null;
    const newest = this.values[end - 1] as number;
    if (kind === 'delta') return newest - (this.values[start] as number);
    const extreme = this.aggregate(kind === 'rise' ? 'min' : 'max', [start, end]) as number;
    return kind === 'rise' ? newest - extreme : extreme - newest;
  }

  toColumns(): SeriesColumns {
    return { t: this.times.slice(this.head, this.end), v: this.values.slice(this.head, this.end) };
  }
}
