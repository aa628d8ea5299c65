import type { MessageOf } from '../../core/contracts/topics';
import type { Bus, BusMessage } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import {
  markPublished,
  observationsOfBatches,
  pendingBatches,
  type PendingBatch,
  type StoredObservation,
} from './outbox-repository';

/** Observations per publish: large batches keep Kafka fast; a drain still reports progress often. */
const MAX_ROWS_PER_ROUND = 20_000;
const IDLE_POLL_MS = 250;
const MAX_BACKOFF_MS = 5_000;

interface Round {
  batches: PendingBatch[];
  messages: BusMessage[];
  /** The outbox held more than this round: a drain, where reading ahead pays. */
  more: boolean;
}

export interface RelayStatus {
  /** False while the bus refuses publishes (broker down, uplink lost): the outbox buffers. */
  connected: boolean;
  lastError: string | null;
  published: number;
}

/**
 * Publishes committed observations from the outbox to the `observations` topic in commit
 * order and marks them sent. A crash between publish and mark publishes a batch twice at
 * most (consumers drop duplicates by datastream and time); nothing is ever skipped.
 */
export class OutboxRelay {
  readonly status: RelayStatus = { connected: true, lastError: null, published: 0 };
  private running = false;
  private wakeUp: (() => void) | undefined;
  /** A wake-up that came while a round was running: the next sleep returns at once. */
  private woken = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: { db: Database; bus: Bus; logger: Logger }) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after an ingest commit so new data goes out without waiting for the poll. */
  wake(): void {
    // While the bus is down the relay backs off; new data must not turn that into a busy retry.
    if (!this.status.connected) return;
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Publishes one round; returns how many observations went out. */
  async drainOnce(): Promise<number> {
    const round = await this.readRound();
    if (!round) return 0;
    await this.publishRound(round);
    return round.messages.length;
  }

  private async readRound(inFlight: readonly number[] = []): Promise<Round | undefined> {
    const { batches, more } = await pendingBatches(this.deps.db, MAX_ROWS_PER_ROUND, inFlight);
    if (batches.length === 0) return undefined;
    const ids = batches.map((b) => b.batchId);
    const observations = await observationsOfBatches(this.deps.db, ids);
    return { batches, messages: observations.map(toMessage), more };
  }

  private async publishRound(round: Round): Promise<void> {
    await this.deps.bus.publish('observations', round.messages);
    await markPublished(
      this.deps.db,
      round.batches.map((b) => b.outboxId),
    );
    this.status.published += round.messages.length;
  }

  /**
   * During a drain, reads the next round from the database while the current one is being
   * published, so the drain runs at the speed of the slower of the two instead of their sum.
   * When the round took all there was, the next read waits for the publish instead: a read
   * ahead would find only what committed in its first few milliseconds, and what commits
   * during the publish would wait for one more round.
   */
  private async run(): Promise<void> {
    let backoffMs = 500;
    let next: Promise<Round | undefined> | undefined;
    while (this.running) {
      try {
        const round = await (next ?? this.readRound());
        next = undefined;
        if (!round) {
          await this.sleep(IDLE_POLL_MS);
          continue;
        }
        if (round.more) {
          next = this.readRound(round.batches.map((b) => b.outboxId));
          next.catch(() => undefined); // awaited next time round; a failure surfaces there
        }
        await this.publishRound(round);
        if (!this.status.connected)
          this.deps.logger.info('bus reachable again: draining the outbox');
        this.status.connected = true;
        this.status.lastError = null;
        backoffMs = 500;
      } catch (error) {
        next = undefined; // start over from the oldest unpublished row
        if (this.status.connected) {
          this.deps.logger.warn({ err: error }, 'publishing failed: buffering in the outbox');
        }
        this.status.connected = false;
        this.status.lastError = (error as Error).message;
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
    });
  }
}

export function toMessage(o: StoredObservation): BusMessage {
  const message: MessageOf<'observations'> = {
    v: 1,
    datastream: o.datastream,
    time: new Date(o.timeMs).toISOString(),
    timeMs: o.timeMs,
    value: o.value,
    quality: o.quality,
    batchId: o.batchId,
  };
  return { key: o.datastream, value: JSON.stringify(message) };
}
