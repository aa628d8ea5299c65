import type { Kafka } from 'kafkajs';
import { describe, expect, it, vi } from 'vitest';
import { subscribeKafka } from './kafka-subscription';
import { TopicPrefix } from './topic-prefix';

type Listener = (event: { payload: Record<string, unknown> }) => void;

/**
 * kafkajs gives up on a consumer after an error it deems final ("Failed to find group
 * coordinator" while the broker is away) and the worker would consume nothing more; the
 * subscription starts a new one. The real broker cannot be made to say exactly that on
 * demand, so kafkajs' consumer is stood in for here; the bus contract suite covers the rest.
 */
function fakeKafka() {
  const consumers: { listeners: Map<string, Listener[]>; paused: boolean; runs: number }[] = [];
  const kafka = {
    consumer: () => {
      const state = { listeners: new Map<string, Listener[]>(), paused: false, runs: 0 };
      let fetching: NodeJS.Timeout | undefined;
      consumers.push(state);
      const emit = (name: string, payload: Record<string, unknown>) =>
        state.listeners.get(name)?.forEach((l) => l({ payload }));
      return {
        events: { GROUP_JOIN: 'join', FETCH: 'fetch', CRASH: 'crash' },
        on: (name: string, listener: Listener) => {
          state.listeners.set(name, [...(state.listeners.get(name) ?? []), listener]);
          return () => undefined;
        },
        connect: async () => undefined,
        subscribe: async () => undefined,
        run: async () => {
          state.runs += 1;
          setTimeout(() => emit('join', {}), 1);
          fetching = setInterval(() => emit('fetch', {}), 5); // a fetch loop, as kafkajs runs
        },
        pause: () => (state.paused = true),
        resume: () => (state.paused = false),
        disconnect: async () => clearInterval(fetching),
        commitOffsets: async () => undefined,
      };
    },
  };
  return { kafka: kafka as unknown as Kafka, consumers };
}

describe('a kafkajs consumer that gives up', () => {
  it('is replaced by a new one, paused if the subscription was', async () => {
    const { kafka, consumers } = fakeKafka();
    const log = vi.fn();
    const subscription = await subscribeKafka(
      kafka,
      new TopicPrefix('t.'),
      { groupId: 'g', topics: ['observations'], eachBatch: async () => undefined },
      log,
      [],
    );
    subscription.pause();
    const first = consumers[0]!;
    expect(first.runs).toBe(1);
    // kafkajs restarting it by itself: nothing to do.
    first.listeners
      .get('crash')!
      .forEach((l) => l({ payload: { restart: true, error: new Error('retriable') } }));
    expect(consumers).toHaveLength(1);
    // kafkajs giving up: a new consumer, paused like the subscription.
    first.listeners
      .get('crash')!
      .forEach((l) => l({ payload: { restart: false, error: new Error('no coordinator') } }));
    await vi.waitFor(() => expect(consumers).toHaveLength(2), { timeout: 5_000 });
    await vi.waitFor(() => expect(consumers[1]!.runs).toBe(1));
    expect(consumers[1]!.paused).toBe(true);
    expect(log).toHaveBeenCalledWith(
      'warn',
      expect.stringContaining('starting a new one'),
      expect.objectContaining({ groupId: 'g' }),
    );
    await subscription.stop();
  });
});
