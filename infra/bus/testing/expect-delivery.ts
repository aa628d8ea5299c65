import { expect } from 'vitest';
import { partitionForKey } from '../partition-for-key';
import type { ConsumedMessage } from '../types';
import { sequenceOf } from './consume';

/**
 * The delivery promise of the bus: each expected message received exactly once, each key in
 * publishing order, on the partition Kafka's partitioner picks (observations: 6 partitions).
 */
export function expectExactlyOnceInOrder(received: ConsumedMessage[], expected: number[]): void {
  const positions = new Set(received.map((m) => `${m.partition}/${m.offset}`));
  expect(positions.size, 'no message delivered twice').toBe(received.length);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  expect(sorted(received.map(sequenceOf))).toEqual(sorted(expected));
  const lastByKey = new Map<string, number>();
  for (const message of received) {
    expect(message.partition).toBe(partitionForKey(message.key, 6));
    const sequence = sequenceOf(message);
    expect(sequence, `order of ${message.key}`).toBeGreaterThan(lastByKey.get(message.key) ?? -1);
    lastByKey.set(message.key, sequence);
  }
}

export const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => from + i);
