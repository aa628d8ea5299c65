// Helpers of the bus contract suite: observation messages with a sequence number in the
// value, and a subscription that records what it received.
import { decodeMessage, encodeMessage } from '../../../core/contracts/topics';
import type {
  Bus,
  BusMessage,
  ConsumedBatch,
  ConsumedMessage,
  SubscribeOptions,
  Subscription,
} from '../types';

const BASE_TIME_MS = Date.UTC(2024, 0, 1);

export const keyOf = (index: number) => `station${index}.aws.air_temperature`;

/** `count` observations spread over `keyCount` datastreams; value = sequence number. */
export function observations(count: number, keyCount: number, firstSequence = 0): BusMessage[] {
  return Array.from({ length: count }, (_, index) => {
    const sequence = firstSequence + index;
    const datastream = keyOf(sequence % keyCount);
    const timeMs = BASE_TIME_MS + sequence * 1_000;
    const message = encodeMessage('observations', {
      v: 1,
      datastream,
      time: new Date(timeMs).toISOString(),
      timeMs,
      value: sequence,
      quality: null,
      batchId: 1,
    });
    return { key: datastream, value: message };
  });
}

export function sequenceOf(message: ConsumedMessage): number {
  const decoded = decodeMessage('observations', message.value);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.message.value;
}

export async function publishInBatches(
  bus: Bus,
  messages: BusMessage[],
  size: number,
): Promise<void> {
  for (let start = 0; start < messages.length; start += size) {
    await bus.publish('observations', messages.slice(start, start + size));
  }
}

export interface Recorder {
  /** Messages of batches whose handler resolved, in delivery order. */
  received: ConsumedMessage[];
  /** Every delivery, failed ones included. */
  attempts: ConsumedBatch[];
  subscription: Subscription;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

export async function record(
  bus: Bus,
  options: Omit<SubscribeOptions, 'eachBatch' | 'topics'> & {
    handle?: (batch: ConsumedBatch) => Promise<void>;
  },
): Promise<Recorder> {
  const received: ConsumedMessage[] = [];
  const attempts: ConsumedBatch[] = [];
  const subscription = await bus.subscribe({
    ...options,
    topics: ['observations'],
    eachBatch: async (batch) => {
      attempts.push(batch);
      await options.handle?.(batch);
      received.push(...batch.messages);
    },
  });
  const waitFor = (count: number, timeoutMs = 30_000) =>
    waitUntil(
      () => received.length >= count,
      timeoutMs,
      () => `received ${received.length} of ${count}`,
    );
  return { received, attempts, subscription, waitFor };
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
