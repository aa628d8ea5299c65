import type { TraceColumns } from './traceCompaction';

/** The time window of the last draw, and how much time one pixel column of it holds. */
export interface InkView {
  from: number;
  to: number;
  msPerPx: number;
}

/** What one trace ends with on screen. */
interface Tail {
  column: number;
  low: number;
  high: number;
  /** One pixel of this trace's y axis, in its unit. */
  tolerance: number;
  markers: boolean;
}

/**
 * What the last draw inked at the end of each trace: the pixel column of its newest point
 * and the values drawn in that column. A new sample in that column, within those values
 * give or take a pixel, changes no pixel on screen: on a 24 h window (78 s per pixel) that
 * is nearly every sample of a 50 Hz stream, and each redraw skipped saves a full plotly
 * redraw (10–40 ms on a busy hut PC). Samples outside the window are not on screen either.
 */
export class InkedTails {
  private tails: (Tail | null)[] = [];
  private view: InkView = { from: -Infinity, to: Infinity, msPerPx: 0 };

  note(
    columns: readonly TraceColumns[],
    view: InkView,
    tolerance: (index: number) => number,
    markers: (index: number) => boolean,
  ): void {
    this.view = view;
    this.tails = columns.map((c, i) => tailOf(c, view.msPerPx, tolerance(i), markers(i)));
  }

  /** Whether appending these points to trace `index` would change what is on screen. */
  changes(index: number, x: readonly number[], y: readonly (number | null)[]): boolean {
    const tail = this.tails[index];
    const { from, to, msPerPx } = this.view;
    return x.some((t, k) => {
      const v = y[k];
      if (v === null || v === undefined || t < from || t > to) return false;
      // Every marker is its own dot: any new one in view shows.
      if (!tail || tail.markers) return true;
      if (columnOf(t, msPerPx) > tail.column) return true;
      return v < tail.low - tail.tolerance || v > tail.high + tail.tolerance;
    });
  }
}

function columnOf(t: number, msPerPx: number): number {
  return msPerPx > 0 ? Math.floor(t / msPerPx) : t;
}

function tailOf(c: TraceColumns, msPerPx: number, tolerance: number, markers: boolean) {
  let tail: Tail | null = null;
  for (let i = c.x.length - 1; i >= 0; i -= 1) {
    const v = c.y[i];
    if (v === null || v === undefined) continue;
    const column = columnOf(c.x[i] as number, msPerPx);
    if (tail === null) tail = { column, low: v, high: v, tolerance, markers };
    else if (column !== tail.column) break;
    else {
      tail.low = Math.min(tail.low, v);
      tail.high = Math.max(tail.high, v);
    }
  }
  return tail;
}
