import type { Batch, EachBatchPayload, Kafka, TopicPartitionOffset } from 'kafkajs';
import { backoffDelayMs, sleep, withTimeout } from './retry-backoff';
import type { TopicPrefix } from './topic-prefix';
import type { BusLog, ConsumedBatch, SubscribeOptions, Subscription } from './types';

/** How long subscribe() waits for the group to join and fetch before it returns anyway. */
const START_WAIT_MS = 30_000;

/**
 * One kafkajs consumer in the group. Offsets are committed by hand, only after the handler
 * resolved; a throwing handler gets the very same batch again after a backoff, until it
 * succeeds or the subscription stops or loses the partition (then it is redelivered from the
 * last commit, to whichever member owns it).
 */
const HEARTBEAT_MS = 1_000;

export async function subscribeKafka(
  kafka: Kafka,
  names: TopicPrefix,
  options: SubscribeOptions,
  log: BusLog,
  /** For a new group reading from the end: where the end was when subscribe() was called. */
  startAt: TopicPartitionOffset[],
): Promise<Subscription> {
  const physical = options.topics.map((topic) => names.physical(topic));
  const stopping = new AbortController();
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250, // a fetch returns at once when data is there; this bounds stop()
    heartbeatInterval: HEARTBEAT_MS, // members notice a rebalance (a worker joining) within a second
    sessionTimeout: 10_000, // a crashed member's partitions move on within 10 s
    // A consumer must outlive a broker outage (the hut case): always restart after a crash.
    retry: {
      retries: 5,
      initialRetryTime: 300,
      maxRetryTime: 10_000,
      restartOnFailure: async () => true,
    },
  });
  const joined = new Promise<void>((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => (remove(), resolve()));
  });
  const nextFetch = () =>
    new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.FETCH, () => (remove(), resolve()));
    });

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const consumed = toConsumedBatch(names, batch);
    for (let failures = 0; ;) {
      // Stopped or rebalanced away: leave it uncommitted, the next owner gets it again.
      if (stopping.signal.aborted || !payload.isRunning() || payload.isStale()) return;
      // kafkajs heartbeats only when asked: a long handler (a simulation) would otherwise
      // outlive the session, and its partition would go to another member mid-run.
      const heartbeats = setInterval(
        () => void payload.heartbeat().catch(() => undefined),
        HEARTBEAT_MS,
      );
      try {
        await options.eachBatch(consumed);
        break;
      } catch (error) {
        failures += 1;
        log('warn', 'bus handler failed; the batch will be delivered again', {
          groupId: options.groupId,
          topic: consumed.topic,
          partition: batch.partition,
          firstOffset: batch.firstOffset(),
          failures,
          error: (error as Error).message,
        });
        await sleep(backoffDelayMs(failures), stopping.signal);
        if (!stopping.signal.aborted) await payload.heartbeat(); // still ours: keep the partition
      } finally {
        clearInterval(heartbeats);
      }
    }
    const next = (BigInt(batch.lastOffset()) + 1n).toString();
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
    });
    payload.resolveOffset(batch.lastOffset());
    await payload.heartbeat();
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: physical, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw new Error(
      `subscribing ${options.groupId} to ${physical.join(', ')} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  // subscribe() returns once the group has joined, its start committed, and a first fetch
  // has fixed its positions: whatever is published afterwards reaches it.
  const started = (async () => {
    await joined;
    if (startAt.length > 0) await consumer.commitOffsets(startAt);
    await nextFetch();
  })();
  await withTimeout(started, START_WAIT_MS, 'not started yet').catch((error: Error) =>
    log('warn', `bus group ${options.groupId}: ${error.message}; consuming once it joins`),
  );

  const topicsOnly = physical.map((topic) => ({ topic }));
  return {
    pause: () => consumer.pause(topicsOnly),
    resume: () => consumer.resume(topicsOnly),
    async stop() {
      stopping.abort();
      await consumer.disconnect();
    },
  };
}

function toConsumedBatch(names: TopicPrefix, batch: Batch): ConsumedBatch {
  const topic = names.logical(batch.topic);
  const messages = batch.messages.map((message) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined) headers[name] = value.toString();
    }
    return {
      topic,
      partition: batch.partition,
      offset: message.offset,
      timestampMs: Number(message.timestamp),
      key: message.key?.toString() ?? '',
      value: message.value?.toString() ?? '',
      headers,
    };
  });
  return { topic, partition: batch.partition, messages };
}
