import type { Consumer, EachBatchPayload, Kafka, TopicPartitionOffset } from 'kafkajs';
import { batchHandler, HEARTBEAT_MS } from './kafka-batch-handler';
import { backoffDelayMs, sleep, withTimeout } from './retry-backoff';
import type { TopicPrefix } from './topic-prefix';
import type { BusLog, SubscribeOptions, Subscription } from './types';

/** How long subscribe() waits for the group to join and fetch before it returns anyway. */
const START_WAIT_MS = 30_000;

/**
 * One kafkajs consumer in the group (a new one if kafkajs gives up on it). Offsets are
 * committed by hand, only after the handler resolved; a throwing handler gets the very same
 * batch again after a backoff, until it succeeds or the subscription stops or loses the
 * partition (then it is redelivered from the last commit, to whichever member owns it).
 */
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
  const eachBatch = batchHandler(names, options, log, stopping.signal);
  let paused = false;
  let consumer = await runConsumer(kafka, options, physical, eachBatch);
  // kafkajs restarts a crashed consumer only after errors it deems retriable; others (no
  // group coordinator while the broker is away, say) leave it stopped for good, and a
  // worker would consume nothing until restarted. Start a new one instead, until it runs.
  const replaceAfterCrash = (crashed: Consumer) => {
    crashed.on(crashed.events.CRASH, ({ payload }) => {
      if (payload.restart || stopping.signal.aborted || crashed !== consumer) return;
      log('warn', 'bus consumer stopped after an error; starting a new one', {
        groupId: options.groupId,
        error: payload.error.message,
      });
      void (async () => {
        for (let failures = 1; !stopping.signal.aborted; failures += 1) {
          await sleep(backoffDelayMs(failures, 10_000), stopping.signal);
          if (stopping.signal.aborted) return;
          try {
            consumer = await runConsumer(kafka, options, physical, eachBatch);
            if (paused) consumer.pause(physical.map((topic) => ({ topic })));
            replaceAfterCrash(consumer);
            return;
          } catch (error) {
            log('warn', 'bus consumer could not start again yet', {
              groupId: options.groupId,
              error: (error as Error).message,
            });
          }
        }
      })();
    });
  };
  replaceAfterCrash(consumer);
  // subscribe() returns once the group has joined, its start committed, and a first fetch
  // has fixed its positions: whatever is published afterwards reaches it.
  const started = (async () => {
    await consumer.joined;
    if (startAt.length > 0) await consumer.commitOffsets(startAt);
    await consumer.nextFetch();
  })();
  await withTimeout(started, START_WAIT_MS, 'not started yet').catch((error: Error) =>
    log('warn', `bus group ${options.groupId}: ${error.message}; consuming once it joins`),
  );

  const topicsOnly = physical.map((topic) => ({ topic }));
  return {
    pause: () => {
      paused = true;
      consumer.pause(topicsOnly);
    },
    resume: () => {
      paused = false;
      consumer.resume(topicsOnly);
    },
    async stop() {
      stopping.abort();
      await consumer.disconnect();
    },
  };
}

type RunningConsumer = Consumer & { joined: Promise<void>; nextFetch(): Promise<void> };

/** A kafkajs consumer of the group, connected, subscribed and running `eachBatch`. */
async function runConsumer(
  kafka: Kafka,
  options: SubscribeOptions,
  physical: string[],
  eachBatch: (payload: EachBatchPayload) => Promise<void>,
): Promise<RunningConsumer> {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    // Fetches of about 1 MiB (kafkajs: 10 MiB): a fetch is decoded whole before its first
    // message is handed over, and holds every message until its last batch is handled. At
    // Firn's ~12 compressed bytes per observation, 1 MiB is some 80,000 of them: the handler
    // starts sooner, and far fewer messages live long enough to be copied by the GC.
    maxBytes: 1024 * 1024,
    maxBytesPerPartition: 256 * 1024,
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
  return Object.assign(consumer, { joined, nextFetch });
}
