import { InputSeries, type SeriesColumns } from './input-series';

/** How an input's state is checkpointed. */
export interface InputSnapshot {
  receivedMs: number | null;
  lastArrivalMs: number | null;
  queue: SeriesColumns;
  series: SeriesColumns;
}

/**
 * One input of a running rule: what has been received (possibly ahead of evaluation,
 * waiting for the other inputs to catch up) and what has been applied to its windows.
 */
export class InputState {
  // NaN while nothing was received. A field that only ever holds numbers is updated in
  // place; one that also holds null gets a new heap number at every store, and these two
  // change with every observation.
  private received: number;
  private lastArrival: number;
  readonly series: InputSeries;
  // The queue is queueT/queueV[queueHead, queueEnd). Emptied by moving both ends back to 0,
  // never by truncating: a single-input rule drains its queue at every observation, and a
  // truncated array gives up its storage, to be allocated again by the next push.
  private readonly queueT: number[];
  private readonly queueV: number[];
  private queueHead = 0;
  private queueEnd: number;

  constructor(retentionMs: number, snapshot?: InputSnapshot) {
    this.received = snapshot?.receivedMs ?? NaN;
    this.lastArrival = snapshot?.lastArrivalMs ?? NaN;
    this.series = new InputSeries(retentionMs, snapshot?.series);
    this.queueT = [...(snapshot?.queue.t ?? [])];
    this.queueV = [...(snapshot?.queue.v ?? [])];
    this.queueEnd = this.queueT.length;
  }

  /** Newest measurement time received: how far this input has progressed. */
  get receivedMs(): number | null {
    return Number.isNaN(this.received) ? null : this.received;
  }

  /** Arrival time of that newest observation (processing time). */
  get lastArrivalMs(): number | null {
    return Number.isNaN(this.lastArrival) ? null : this.lastArrival;
  }

  /** Whether a value at `timeMs` would be a repeat or older than what was received. */
  isNotNewer(timeMs: number): boolean {
    return timeMs <= this.received; // false while nothing was received (NaN)
  }

  /** How far the input has progressed, -Infinity while nothing was received. */
  get progressMs(): number {
    return Number.isNaN(this.received) ? -Infinity : this.received;
  }

  /** A new value measured at `timeMs` arrived at `arrivalMs`. */
  receive(timeMs: number, arrivalMs: number): void {
    this.received = timeMs;
    this.lastArrival = arrivalMs;
  }

  /** The oldest received value still waiting for its instant to be evaluated, if any. */
  get nextWaitingMs(): number | null {
    return this.queueHead < this.queueEnd ? (this.queueT[this.queueHead] as number) : null;
  }

  /** Keeps a received value until its instant is evaluated. */
  enqueue(timeMs: number, value: number): void {
    this.queueT[this.queueEnd] = timeMs;
    this.queueV[this.queueEnd] = value;
    this.queueEnd++;
  }

  /** Applies every queued value measured at or before `timeMs` to the windows. */
  applyUntil(timeMs: number): void {
    const { queueT, queueV, queueEnd } = this;
    let head = this.queueHead;
    while (head < queueEnd && (queueT[head] as number) <= timeMs) {
      this.series.push(queueT[head] as number, queueV[head] as number);
      head++;
    }
    if (head === queueEnd) {
      this.queueHead = this.queueEnd = 0;
    } else {
      this.queueHead = head;
    }
  }

  toSnapshot(): InputSnapshot {
    return {
      receivedMs: this.receivedMs,
      lastArrivalMs: this.lastArrivalMs,
      queue: {
        t: this.queueT.slice(this.queueHead, this.queueEnd),
        v: this.queueV.slice(this.queueHead, this.queueEnd),
      },
      series: this.series.toColumns(),
    };
  }
}
