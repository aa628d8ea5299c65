import { topicNames, topics, type TopicName } from '../../core/contracts/topics';
import type { Database } from '../db/types';
import { localLog } from './embedded-group';
import { EmbeddedStore } from './embedded-store';
import { EmbeddedSubscription } from './embedded-subscription';
import { trimTopic } from './embedded-trim';
import { TopicPrefix } from './topic-prefix';
import { silentBusLog, type Bus, type BusHealth, type BusLog, type BusMessage } from './types';
import type { SubscribeOptions, Subscription } from './types';

export interface EmbeddedLogOptions {
  db: Database;
  topicPrefix?: string;
  log?: BusLog;
  /** How often a consumer looks for messages published by other processes. */
  pollIntervalMs?: number;
  maxBatchSize?: number;
  /** How often retention runs; 0 turns the timer off (tests call trim() themselves). */
  trimIntervalMs?: number;
}

/**
 * The zero-install bus: a durable log in the application's own database (PGlite on a
 * laptop, or a PostgreSQL server), with Kafka's semantics: partitions by key, offsets,
 * consumer groups, commit after the effect, redelivery of what was not committed.
 */
export class EmbeddedLog implements Bus {
  readonly kind = 'embedded' as const;
  private readonly store: EmbeddedStore;
  private readonly names: TopicPrefix;
  private readonly log: BusLog;
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private readonly trimTimer: ReturnType<typeof setInterval> | undefined;
  private trimming: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EmbeddedLogOptions) {
    this.store = new EmbeddedStore(options.db);
    this.names = new TopicPrefix(options.topicPrefix);
    this.log = options.log ?? silentBusLog;
    const every = options.trimIntervalMs ?? 10 * 60_000;
    if (every > 0) {
      this.trimTimer = setInterval(() => {
        this.trimming = this.trim().catch((error: Error) =>
          this.log('warn', 'embedded bus: trimming the log failed', { error: error.message }),
        );
      }, every).unref();
    }
  }

  async ensureTopics(): Promise<void> {
    for (const name of topicNames) {
      await this.store.createPartitions(this.names.physical(name), topics[name].partitions);
    }
  }

  async publish(topic: TopicName, messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.store.append(this.names.physical(topic), topics[topic].partitions, messages);
    localLog(this.options.db).wake.emit('published');
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const physical = options.topics.map((topic) => this.names.physical(topic));
    await this.store.startGroup(options.groupId, physical, options.fromBeginning ?? false);
    const settings = {
      store: this.store,
      local: localLog(this.options.db),
      names: this.names,
      log: this.log,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      maxBatchSize: this.options.maxBatchSize ?? 1_000,
    };
    const subscription = new EmbeddedSubscription(settings, options);
    this.subscriptions.add(subscription);
    return {
      pause: () => subscription.pause(),
      resume: () => subscription.resume(),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  lag(groupId: string, names: TopicName[]): Promise<number> {
    return this.store.lag(
      groupId,
      names.map((name) => this.names.physical(name)),
    );
  }

  async health(): Promise<BusHealth> {
    try {
      await this.options.db.query('SELECT 1 FROM bus_partitions LIMIT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: `embedded log unavailable: ${(error as Error).message}` };
    }
  }

  /** Applies every topic's retention now; returns how many messages were deleted. */
  async trim(): Promise<number> {
    let deleted = 0;
    for (const name of topicNames) {
      deleted += await trimTopic(
        this.options.db,
        this.names.physical(name),
        topics[name].retentionMs,
      );
    }
    return deleted;
  }

  async close(): Promise<void> {
    clearInterval(this.trimTimer);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.trimming;
  }
}
