import type { EngineSnapshot } from './snapshot';

/** The pending instants as plain arrays: how the queue is checkpointed. */
export type InstantColumns = EngineSnapshot['instants'];

// When one datastream runs ahead of another (a partition, a hut's batch), hundreds of
// instants wait; every operation stays O(log n) or amortised O(1) per observation.

/**
 * Measurement times waiting to be evaluated, in time order, each with the latest arrival
 * of its data (to tell backfill). Data instants are also remembered in the order they were
 * seen, so those waiting longer than the rule's lateness are found without a scan.
 */
export class InstantQueue {
  // Columns hold their entries in [head, end). They are never truncated, only rewound (when
  // empty, which is at every observation of a single-input rule) or moved to the front: an
  // array cut shorter gives up its storage, which the next pushes would allocate again.
  private readonly t: number[];
  private readonly arrival: number[];
  private head = 0;
  private end: number;
  private readonly seenT: number[];
  private readonly seenAt: number[];
  private seenHead = 0;
  private seenEnd: number;
  private readonly timerT: number[];
  private readonly timerAt: number[];
  private forcedUpTo: number;

  constructor(columns?: InstantColumns) {
    const copy = (list: number[] | undefined) => [...(list ?? [])];
    [this.t, this.arrival] = [copy(columns?.t), copy(columns?.arrival)];
    [this.seenT, this.seenAt] = [copy(columns?.seenT), copy(columns?.seenAt)];
    [this.timerT, this.timerAt] = [copy(columns?.timerT), copy(columns?.timerAt)];
    this.end = this.t.length;
    this.seenEnd = this.seenT.length;
    this.forcedUpTo = columns?.forcedUpTo ?? -Infinity;
  }

  get size(): number {
    return this.end - this.head;
  }

  get firstTime(): number | null {
    return this.head < this.end ? (this.t[this.head] as number) : null;
  }

  /** Index of the first instant at or after `timeMs`. */
  private search(timeMs: number): number {
    let [low, high] = [this.head, this.end];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.t[middle] as number) < timeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private insert(timeMs: number, arrivalMs: number): void {
    const i = this.search(timeMs);
    if (i < this.end && this.t[i] === timeMs) {
      this.arrival[i] = Math.max(this.arrival[i] as number, arrivalMs);
      return;
    }
    // Usually i is the end (data in time order) and nothing moves.
    const { t, arrival } = this;
    for (let j = this.end; j > i; j--) {
      t[j] = t[j - 1] as number;
      arrival[j] = arrival[j - 1] as number;
    }
    t[i] = timeMs;
    arrival[i] = arrivalMs;
    this.end++;
  }

  /** An instant of data, seen at processing time `seenMs` (never earlier than before). */
  addData(timeMs: number, arrivalMs: number, seenMs: number): void {
    this.insert(timeMs, arrivalMs);
    this.seenT[this.seenEnd] = timeMs;
    this.seenAt[this.seenEnd] = seenMs;
    this.seenEnd++;
  }

  /** An instant without data (a deadline), whose data was due at processing time `dueMs`. */
  addTimer(timeMs: number, dueMs: number): void {
    this.insert(timeMs, dueMs);
    // Few at a time, kept in time order so evaluated ones leave from the front.
    let i = this.timerT.length;
    while (i > 0 && (this.timerT[i - 1] as number) > timeMs) i--;
    this.timerT.splice(i, 0, timeMs);
    this.timerAt.splice(i, 0, dueMs);
  }

  /**
   * The latest time up to which instants may be evaluated: those at or before the
   * watermark, and those seen (or due) at or before `overdueMs`, with all earlier ones.
   */
  releaseBound(watermarkMs: number, overdueMs: number): number | null {
    while (this.seenHead < this.seenEnd && (this.seenAt[this.seenHead] as number) <= overdueMs) {
      this.forcedUpTo = Math.max(this.forcedUpTo, this.seenT[this.seenHead++] as number);
    }
    for (let i = this.timerT.length - 1; i >= 0; i--) {
      if ((this.timerAt[i] as number) > overdueMs) continue;
      this.forcedUpTo = Math.max(this.forcedUpTo, this.timerT[i] as number);
      this.timerT.splice(i, 1);
      this.timerAt.splice(i, 1);
    }
    const first = this.firstTime;
    const bound = Math.max(watermarkMs, this.forcedUpTo);
    return first !== null && first <= bound ? bound : null;
  }

  /** Arrival of the instant shift() returned last (a field: no object per instant). */
  shiftedArrivalMs = 0;

  /** Removes the first instant and returns its time; its arrival is in shiftedArrivalMs. */
  shift(): number {
    const i = this.head++;
    const timeMs = this.t[i] as number;
    this.shiftedArrivalMs = this.arrival[i] as number;
    // What was seen of instants evaluated by now no longer needs watching.
    while (this.timerT.length > 0 && (this.timerT[0] as number) <= timeMs) {
      this.timerT.shift();
      this.timerAt.shift();
    }
    while (this.seenHead < this.seenEnd && (this.seenT[this.seenHead] as number) <= timeMs) {
      this.seenHead++;
    }
    if (this.head === this.end) {
      this.head = this.end = 0;
    } else if (deadPartIsLarge(this.head, this.end)) {
      this.end = moveToFront(this.t, this.arrival, this.head, this.end);
      this.head = 0;
    }
    if (this.seenHead === this.seenEnd) {
      this.seenHead = this.seenEnd = 0;
    } else if (deadPartIsLarge(this.seenHead, this.seenEnd)) {
      this.seenEnd = moveToFront(this.seenT, this.seenAt, this.seenHead, this.seenEnd);
      this.seenHead = 0;
    }
    return timeMs;
  }

  toColumns(): InstantColumns {
    return {
      t: this.t.slice(this.head, this.end),
      arrival: this.arrival.slice(this.head, this.end),
      seenT: this.seenT.slice(this.seenHead, this.seenEnd),
      seenAt: this.seenAt.slice(this.seenHead, this.seenEnd),
      timerT: [...this.timerT],
      timerAt: [...this.timerAt],
      forcedUpTo: Number.isFinite(this.forcedUpTo) ? this.forcedUpTo : null,
    };
  }
}

const deadPartIsLarge = (head: number, end: number) => head > 1024 && head * 2 > end;

/** Moves two columns' entries [head, end) to the front; returns the new end. */
function moveToFront(a: number[], b: number[], head: number, end: number): number {
  // A plain loop: V8's copyWithin takes the generic path, many times slower.
  for (let i = head; i < end; i++) {
    a[i - head] = a[i] as number;
    b[i - head] = b[i] as number;
  }
  return end - head;
}
