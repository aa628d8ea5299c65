import { nextWake, type LocalGroup, type LocalLog } from './embedded-group';
import type { EmbeddedStore, StoredMessage } from './embedded-store';
import { backoffDelayMs, sleep } from './retry-backoff';
import type { TopicPrefix } from './topic-prefix';
import type { BusLog, ConsumedBatch, SubscribeOptions, Subscription } from './types';

export interface EmbeddedConsumerSettings {
  store: EmbeddedStore;
  local: LocalLog;
  names: TopicPrefix;
  log: BusLog;
  pollIntervalMs: number;
  maxBatchSize: number;
}

/**
 * One member of a consumer group on the embedded log: a loop that, for each partition it
 * owns, reads up to maxBatchSize messages after the committed offset, hands them to the
 * handler, and commits only after the handler resolved. It polls, and wakes at once when
 * this process publishes.
 */
export class EmbeddedSubscription implements Subscription {
  private paused = false;
  private readonly stopping = new AbortController();
  private readonly member = Symbol('member');
  private readonly group: LocalGroup;
  private readonly topics: string[];
  private readonly running: Promise<void>;

  constructor(
    private readonly settings: EmbeddedConsumerSettings,
    private readonly options: SubscribeOptions,
  ) {
    this.topics = options.topics.map((topic) => settings.names.physical(topic));
    this.group = settings.local.group(options.groupId);
    this.group.join(this.member, this.topics);
    this.running = this.run();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.settings.local.wake.emit('published');
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.group.leave(this.member);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    for (let failures = 0; !signal.aborted;) {
      let delivered = false;
      try {
        if (!this.paused) delivered = await this.deliverOwnedPartitions();
        failures = 0;
      } catch (error) {
        // The database went away (a PostgreSQL restart): keep the subscription, try again.
        failures += 1;
        this.settings.log('warn', 'embedded bus: reading the log failed', {
          groupId: this.options.groupId,
          failures,
          error: (error as Error).message,
        });
        await sleep(backoffDelayMs(failures), signal);
      }
      if (!delivered)
        await nextWake(this.settings.local.wake, this.settings.pollIntervalMs, signal);
    }
  }

  /** One pass over the partitions: returns whether any batch was delivered. */
  private async deliverOwnedPartitions(): Promise<boolean> {
    const { store } = this.settings;
    let delivered = false;
    for (const position of await store.positions(this.options.groupId, this.topics)) {
      const { topic, partition } = position;
      if (this.stopping.signal.aborted || this.paused) break;
      if (position.nextOffset <= position.committed) continue;
      if (!this.group.owns(this.member, topic, partition)) continue;
      if (!this.group.claim(topic, partition)) continue; // a previous owner is still at it
      try {
        delivered = (await this.deliverOneBatch(topic, partition)) || delivered;
      } finally {
        this.group.release(topic, partition);
      }
    }
    return delivered;
  }

  private async deliverOneBatch(topic: string, partition: number): Promise<boolean> {
    const { store, names, maxBatchSize, log } = this.settings;
    const { groupId } = this.options;
    const stored = await store.read(groupId, topic, partition, maxBatchSize);
    if (stored.length === 0) return false;
    const batch = toConsumedBatch(names.logical(topic), partition, stored);
    for (let failures = 0; ;) {
      if (this.stopping.signal.aborted) return false; // uncommitted: redelivered next time
      try {
        await this.options.eachBatch(batch);
        break;
      } catch (error) {
        failures += 1;
        log('warn', 'bus handler failed; the batch will be delivered again', {
          groupId,
          topic,
          partition,
          firstOffset: batch.messages[0]?.offset,
          failures,
          error: (error as Error).message,
        });
        await sleep(backoffDelayMs(failures), this.stopping.signal);
      }
    }
    await store.commit(groupId, topic, partition, stored.at(-1)!.offset + 1n);
    return true;
  }
}

function toConsumedBatch(
  topic: ConsumedBatch['topic'],
  partition: number,
  stored: StoredMessage[],
): ConsumedBatch {
  const messages = stored.map(({ offset, key, value, headers, timestampMs }) => ({
    topic,
    partition,
    offset: offset.toString(),
    key,
    value,
    headers,
    timestampMs,
  }));
  return { topic, partition, messages };
}
