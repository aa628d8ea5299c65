// The relay's partitioner must put every key where kafkajs' DefaultPartitioner (Kafka's
// default) puts it, for any partition count, also when one process publishes to topics of
// different counts through the same memo; a partition set on the message wins.
import fc from 'fast-check';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { expect, test } from 'vitest';
import { keyPartitioner } from './kafka-partitioner';
import { partitionForKey } from './partition-for-key';

const metadataOf = (count: number): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }));

test('matches the DefaultPartitioner for keys seen again, under other partition counts too', () => {
  const ours = keyPartitioner();
  const theirs = Partitioners.DefaultPartitioner();
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 20 }),
      (keys) => {
        // each key under several counts and twice under 6: later answers come from the memo
        for (const count of [6, 7, 3, 6]) {
          for (const key of keys) {
            const args = {
              topic: 't',
              partitionMetadata: metadataOf(count),
              message: { key, value: '' },
            };
            expect(ours(args)).toBe(theirs(args));
          }
        }
      },
    ),
  );
});

test('keeps a partition set on the message', () => {
  const key = 'sattelberg.aws.air_temperature';
  const other = (partitionForKey(key, 6) + 1) % 6;
  const args = {
    topic: 't',
    partitionMetadata: metadataOf(6),
    message: { key, value: '', partition: other },
  };
  expect(keyPartitioner()(args)).toBe(other);
});
