import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import { describeKafkaError } from './kafka-admin';
import { useFastGzip } from './kafka-gzip';
import { keyPartitioner } from './kafka-partitioner';
import { withTimeout } from './retry-backoff';
import type { BusMessage } from './types';

/**
 * Bytes of message text per produce request. A partition's record batch must stay under the
 * broker's message.max.bytes (1 MiB by default) even where compression gains little, or the
 * broker refuses it and the relay could never get past that outbox row. Well under it: kafkajs
 * (2.2.4) sorts a request's messages into partitions by copying each partition's list once
 * per message, a cost that grows with the square of the request; on the bus bench 300 KB
 * requests took about a tenth less CPU per message than 900 KB ones, 2.7 MB ones a fifth more.
 */
const MAX_REQUEST_BYTES = 300 * 1024;

/** Consecutive slices of `messages` whose keys and values add up to at most `maxBytes`. */
export function chunksUnder(messages: BusMessage[], maxBytes: number): BusMessage[][] {
  const chunks: BusMessage[][] = [];
  let current: BusMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = message.key.length + message.value.length + 64;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The idempotent, batched, GZIP-compressed producer of a Kafka bus. One send() goes out as
 * requests of at most MAX_REQUEST_BYTES, one after another (so a partition's messages keep
 * their order), each acknowledged by all in-sync replicas; it resolves only when durable and
 * rejects within the time limit when the broker is away, never hangs.
 */
export class KafkaPublisher {
  private producer: Promise<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs: number,
  ) {
    useFastGzip();
  }

  /** `prepare` (creating topics missing after an outage) counts against the same limit. */
  async send(topic: string, messages: BusMessage[], prepare: () => Promise<void>): Promise<void> {
    let producer: Promise<Producer> | undefined;
    const sent = (async () => {
      await prepare();
      producer = this.producer ??= this.connect();
      const connected = await producer;
      for (const chunk of chunksUnder(messages, MAX_REQUEST_BYTES)) {
        await connected.send({
          topic,
          messages: chunk,
          acks: -1, // all in-sync replicas: required by the idempotent producer, and durable
          compression: CompressionTypes.GZIP,
        });
      }
    })();
    try {
      await withTimeout(sent, this.timeoutMs, `no answer from Kafka within ${this.timeoutMs} ms`);
    } catch (error) {
      sent.catch(() => undefined);
      // A failed idempotent producer may hold sequence numbers the broker already saw, and
      // would have a later, different batch dropped as a "duplicate": start a fresh one.
      // (The failed batch may still have been written: the caller's retry can double it,
      // which consumers absorb by dropping duplicates.)
      if (producer) this.drop(producer);
      const reason = describeKafkaError(error);
      throw new Error(`publishing ${messages.length} messages to ${topic} failed: ${reason}`, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true, // with acks -1: a retried request is not written twice
      maxInFlightRequests: 1, // keeps per-partition order across retries
      allowAutoTopicCreation: false, // topics come from the table, with their partitions
      createPartitioner: keyPartitioner, // the DefaultPartitioner's murmur2, as the embedded log
      retry: { retries: 4, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    await producer.connect();
    return producer;
  }

  private drop(failed: Promise<Producer>): void {
    if (this.producer === failed) this.producer = undefined;
    failed.then((p) => p.disconnect()).catch(() => undefined);
  }
}
