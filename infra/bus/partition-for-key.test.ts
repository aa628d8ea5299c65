// The embedded log must put a key on the partition Kafka would: compare with kafkajs' own
// DefaultPartitioner (the Java client's murmur2) over arbitrary keys, multi-byte ones too.
import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { expect, test } from 'vitest';
import { partitionForKey } from './partition-for-key';

function kafkajsPartition(key: string, partitionCount: number): number {
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
  }));
  return Partitioners.DefaultPartitioner()({
    topic: 't',
    partitionMetadata,
    message: { key, value: '' },
  });
}

test('matches the kafkajs DefaultPartitioner for any key and partition count', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.integer({ min: 1, max: 64 }),
      (key, count) => {
        expect(partitionForKey(key, count)).toBe(kafkajsPartition(key, count));
      },
    ),
    { numRuns: 2_000 },
  );
});

test('matches for datastream keys of every length remainder', () => {
  for (const key of [
    '',
    'a',
    'ab',
    'abc',
    'abcd',
    'sattelberg.aws.air_temperature',
    'zugspitze.dwd.tmk',
  ]) {
    expect(partitionForKey(key, 6), key).toBe(kafkajsPartition(key, 6));
  }
});
