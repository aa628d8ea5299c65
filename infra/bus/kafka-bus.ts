import { Kafka, logLevel } from 'kafkajs';
import { topicNames, topics, type TopicName } from '../../core/contracts/topics';
import { describeKafkaError, KafkaAdmin, retriable } from './kafka-admin';
import { endsOfUncommittedPartitions } from './kafka-group-start';
import { kafkaLogCreator } from './kafka-log';
import { KafkaPublisher } from './kafka-publisher';
import { subscribeKafka } from './kafka-subscription';
import { TopicPrefix } from './topic-prefix';
import { silentBusLog, type Bus, type BusHealth, type BusLog, type BusMessage } from './types';
import type { SubscribeOptions, Subscription } from './types';

export interface KafkaBusOptions {
  brokers: string[];
  topicPrefix?: string;
  clientId?: string;
  log?: BusLog;
  /** A publish or admin call to an unreachable broker rejects after this, never hangs. */
  timeoutMs?: number;
}

/**
 * The bus on Apache Kafka. It connects lazily and reconnects after failures, so it can be
 * opened while the broker is away (the hut's uplink) and works once it is back.
 */
export class KafkaBus implements Bus {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly names: TopicPrefix;
  private readonly log: BusLog;
  private readonly admin: KafkaAdmin;
  private readonly publisher: KafkaPublisher;
  private readonly subscriptions = new Set<Subscription>();
  private topicsCreated = false;

  constructor(options: KafkaBusOptions) {
    this.names = new TopicPrefix(options.topicPrefix);
    this.log = options.log ?? silentBusLog;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'firn',
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 8_000,
      retry: { retries: 4, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.log),
    });
    this.admin = new KafkaAdmin(this.kafka, options.timeoutMs ?? 10_000);
    this.publisher = new KafkaPublisher(this.kafka, options.timeoutMs ?? 10_000);
  }

  async ensureTopics(): Promise<void> {
    const names = topicNames.map((name) => this.names.physical(name));
    await this.admin.run('creating topics', async (admin) => {
      // createTopics answers false when they exist already; its own waitForLeaders gives up
      // on a KRaft broker that has not propagated the new topic yet, so wait here instead.
      await admin.createTopics({
        topics: topicNames.map((name) => ({
          topic: this.names.physical(name),
          numPartitions: topics[name].partitions,
          configEntries: [{ name: 'retention.ms', value: String(topics[name].retentionMs) }],
        })),
      });
      const metadata = await admin.fetchTopicMetadata({ topics: names });
      const leaderless = metadata.topics.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0),
      );
      if (leaderless.length > 0) throw retriable(`no leader yet for ${leaderless[0]!.name}`);
    });
    this.topicsCreated = true;
  }

  async publish(topic: TopicName, messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.publisher.send(this.names.physical(topic), messages, () => this.topicsReady());
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.topicsReady();
    const physical = options.topics.map((topic) => this.names.physical(topic));
    const startAt = options.fromBeginning
      ? []
      : await this.admin.run('finding the end of the topics', (admin) =>
          endsOfUncommittedPartitions(admin, options.groupId, physical),
        );
    const inner = await subscribeKafka(this.kafka, this.names, options, this.log, startAt);
    const subscription: Subscription = {
      pause: () => inner.pause(),
      resume: () => inner.resume(),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async lag(groupId: string, names: TopicName[]): Promise<number> {
    return this.admin.run('reading lag', async (admin) => {
      let lag = 0n;
      for (const topic of names.map((name) => this.names.physical(name))) {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const position = new Map(committed?.partitions.map((p) => [p.partition, p.offset]));
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          const offset = position.get(partition) ?? '-1';
          lag += BigInt(high) - BigInt(offset === '-1' ? low : offset); // -1: never committed
        }
      }
      return Number(lag);
    });
  }

  async health(): Promise<BusHealth> {
    try {
      // Short: /api/health must answer promptly while the broker is away.
      await this.admin.run('checking the cluster', (admin) => admin.describeCluster(), 3_000);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: describeKafkaError(error) };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await Promise.all([this.publisher.close(), this.admin.close()]);
  }

  /** Topics that could not be created at start-up (broker away) are created on first use. */
  private async topicsReady(): Promise<void> {
    if (!this.topicsCreated) await this.ensureTopics();
  }
}
