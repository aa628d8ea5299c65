import type { TopicName } from '../../core/contracts/topics';

// The bus both implementations share (Kafka through kafkajs, and the embedded log in the
// database). Topic names here are the logical names of core/contracts/topics.ts; the
// optional prefix is applied inside each implementation and never shows up to callers.

export interface BusMessage {
  /** Picks the partition (Kafka's murmur2 on both implementations): same key, same order. */
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface ConsumedMessage extends BusMessage {
  topic: TopicName;
  partition: number;
  /** A 64-bit offset as a decimal string, as kafkajs gives it. */
  offset: string;
  /** When the log stored it (Kafka: the record timestamp). */
  timestampMs: number;
}

/** Consecutive messages of one partition, in offset order. */
export interface ConsumedBatch {
  topic: TopicName;
  partition: number;
  messages: ConsumedMessage[];
}

export interface SubscribeOptions {
  groupId: string;
  topics: TopicName[];
  /** For a group with no committed offset: read from the oldest retained message, not the end. */
  fromBeginning?: boolean;
  /**
   * The batch's offsets are committed only after this resolves. When it throws, nothing of
   * the batch is committed and the same batch is delivered again after a backoff; a message
   * that can never succeed is the handler's to send to `dead-letter`.
   */
  eachBatch: (batch: ConsumedBatch) => Promise<void>;
}

export interface Subscription {
  /** No new batch starts until resume(); a batch in flight finishes. */
  pause(): void;
  resume(): void;
  /** Leaves the group after the batch in flight; what was not committed is redelivered later. */
  stop(): Promise<void>;
}

export interface BusHealth {
  ok: boolean;
  error?: string;
}

export interface Bus {
  readonly kind: 'embedded' | 'kafka';
  /** Creates the topics of the table (with the prefix); idempotent. */
  ensureTopics(): Promise<void>;
  /** All messages in one batched call; durable when it resolves, rejects (never hangs) when not. */
  publish(topic: TopicName, messages: BusMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Messages of `topics` the group has not committed yet. */
  lag(groupId: string, topics: TopicName[]): Promise<number>;
  health(): Promise<BusHealth>;
  /** Stops this bus's subscriptions and connections (not the database, which the caller owns). */
  close(): Promise<void>;
}

export type BusLogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Where the bus logs; shaped so a pino logger fits: `(l, m, d) => logger[l](d ?? {}, m)`. */
export type BusLog = (
  level: BusLogLevel,
  message: string,
  details?: Record<string, unknown>,
) => void;

export const silentBusLog: BusLog = () => undefined;
