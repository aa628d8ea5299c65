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
  /** Newest measurement time received: how far this input has progressed. */
  receivedMs: number | null;
  /** Arrival time of that newest observation (processing time). */
  lastArrivalMs: number | null;
  readonly series: InputSeries;
  private queueT: number[];
  private queueV: number[];
  private queueHead = 0;

  constructor(retentionMs: number, snapshot?: InputSnapshot) {
    this.receivedMs = snapshot?.receivedMs ?? null;
    this.lastArrivalMs = snapshot?.lastArrivalMs ?? null;
    this.series = new InputSeries(retentionMs, snapshot?.series);
    this.queueT = [...(snapshot?.queue.t ?? [])];
    this.queueV = [...(snapshot?.queue.v ?? [])];
  }

  /** The oldest received value still waiting for its instant to be evaluated, if any. */
  get nextWaitingMs(): number | null {
    return this.queueHead < this.queueT.length ? (this.queueT[this.queueHead] as number) : null;
  }

  /** Keeps a received value until its instant is evaluated. */
  enqueue(timeMs: number, value: number): void {
    this.queueT.push(timeMs);
    this.queueV.push(value);
  }

  /** Applies every queued value measured at or before `timeMs` to the windows. */
  applyUntil(timeMs: number): void {
    const { queueT, queueV } = this;
    let head = this.queueHead;
    while (head < queueT.length && (queueT[head] as number) <= timeMs) {
      this.series.push(queueT[head] as number, queueV[head] as number);
      head++;
    }
    if (head === queueT.length) {
      // Emptied in place: a single-input rule drains its queue at every observation.
      queueT.length = 0;
      queueV.length = 0;
      head = 0;
    }
    this.queueHead = head;
  }

  toSnapshot(): InputSnapshot {
    return {
      receivedMs: this.receivedMs,
      lastArrivalMs: this.lastArrivalMs,
      queue: { t: this.queueT.slice(this.queueHead), v: this.queueV.slice(this.queueHead) },
      series: this.series.toColumns(),
    };
  }
}
