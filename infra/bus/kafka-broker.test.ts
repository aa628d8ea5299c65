// Proves the broker from tests/setup/kafka-global.ts is a real Kafka that keeps per-key order
// across partitions, the property the station bus relies on (one key per station).
import { Kafka, Partitioners, logLevel, type EachBatchPayload } from 'kafkajs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';

const messageCount = 1_000;
const stationKeys = Array.from({ length: 24 }, (_, index) => `station-${index}`);
// Unique names: KAFKA_BROKERS may point at a long-lived developer broker.
const runId = `${Date.now()}-${process.pid}`;
const topic = `firn-broker-check-${runId}`;

// kafkajs logs retriable errors (e.g. the group coordinator of a fresh broker not being ready yet)
// at ERROR level before retrying; real failures surface through the assertions instead.
const kafka = new Kafka({
  clientId: 'firn-broker-test',
  brokers: inject('kafkaBrokers').split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
const consumer = kafka.consumer({ groupId: `firn-broker-check-${runId}` });

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
});

afterAll(async () => {
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => {}); // best effort on a shared broker
  await admin.disconnect();
});

test('delivers 1,000 batched messages over 3 partitions with per-key order kept', async () => {
  const messages = Array.from({ length: messageCount }, (_, sequence) => ({
    key: stationKeys[sequence % stationKeys.length],
    value: String(sequence),
  }));
  await producer.send({ topic, messages });

  const sequencesByKey = new Map<string, number[]>();
  const partitionsSeen = new Set<number>();
  let received = 0;
  let markAllReceived = (): void => {};
  const allReceived = new Promise<void>((resolve) => (markAllReceived = resolve));
  const collect = async ({ batch }: EachBatchPayload): Promise<void> => {
    partitionsSeen.add(batch.partition);
    for (const message of batch.messages) {
      const key = message.key?.toString() ?? '';
      const sequences = sequencesByKey.get(key) ?? [];
      sequences.push(Number(message.value?.toString()));
      sequencesByKey.set(key, sequences);
      received += 1;
    }
    if (received >= messageCount) markAllReceived();
  };
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachBatch: collect });
  await allReceived;

  expect(received).toBe(messageCount);
  expect(partitionsSeen.size).toBe(3); // keys really were spread over all partitions
  expect([...sequencesByKey.keys()].sort()).toEqual([...stationKeys].sort());
  for (const [key, sequences] of sequencesByKey) {
    const sentOrder = messages.flatMap((message, sequence) =>
      message.key === key ? [sequence] : [],
    );
    expect(sequences, `order for ${key}`).toEqual(sentOrder);
  }
}, 15_000);
