import type { LiveBatch } from './emitter';

export interface Columns {
  t: number[];
  v: number[];
}

/**
 * Samples that arrived since the last animation frame, per datastream. Everything that
 * came in between two frames goes into the figure at once.
 */
export class PendingSamples {
  private byKey = new Map<string, Columns>();

  add(batch: LiveBatch): void {
    const n = Math.min(batch.t.length, batch.v.length);
    if (n === 0) return;
    let columns = this.byKey.get(batch.datastream);
    if (!columns) {
      columns = { t: [], v: [] };
      this.byKey.set(batch.datastream, columns);
    }
    for (let i = 0; i < n; i += 1) {
      columns.t.push(batch.t[i] as number);
      columns.v.push(batch.v[i] as number);
    }
  }

  /** Hands over everything pending and starts empty again. */
  take(): Map<string, Columns> {
    const taken = this.byKey;
    this.byKey = new Map();
    return taken;
  }

  get size(): number {
    return this.byKey.size;
  }
}

export interface Extension {
  x: number[];
  y: (number | null)[];
  /** Time of the last real point after the extension (unchanged when nothing was added). */
  lastT: number | null;
}

/**
 * The points to append to a trace whose last point is at `lastT`: only samples newer than
 * it, in time order, with a null (drawn as a break, connectgaps is off) wherever the step
 * from the previous point exceeds `gapMs`. Older samples are dropped here: appending them
 * would draw the line backwards; the next history fetch puts them in place.
 */
export function extensionFor(lastT: number | null, columns: Columns, gapMs: number): Extension {
  const order = columns.t
    .map((_, i) => i)
    .sort((a, b) => (columns.t[a] as number) - (columns.t[b] as number));
  const out: Extension = { x: [], y: [], lastT };
  let prev = lastT;
  for (const i of order) {
    const t = columns.t[i] as number;
    if (prev !== null && t <= prev) continue;
    if (prev !== null && t - prev > gapMs) {
      out.x.push((prev + t) / 2);
      out.y.push(null);
    }
    out.x.push(t);
    out.y.push(columns.v[i] as number);
    prev = t;
  }
  out.lastT = prev;
  return out;
}

export interface TraceTail {
  key: string;
  lastT: number | null;
  gapMs: number;
}

export interface ExtendUpdate {
  x: number[][];
  y: (number | null)[][];
  indices: number[];
}

/**
 * The points to append to every trace that got new ones; updates each tail's lastT in
 * place. Returns null when there is nothing to draw.
 */
export function buildExtendUpdate(
  tails: TraceTail[],
  pending: Map<string, Columns>,
): ExtendUpdate | null {
  const update: ExtendUpdate = { x: [], y: [], indices: [] };
  tails.forEach((tail, index) => {
    const columns = pending.get(tail.key);
    if (!columns) return;
    const extension = extensionFor(tail.lastT, columns, tail.gapMs);
    if (extension.x.length === 0) return;
    tail.lastT = extension.lastT;
    update.x.push(extension.x);
    update.y.push(extension.y);
    update.indices.push(index);
  });
  return update.indices.length > 0 ? update : null;
}
