// One contract, three buses: the embedded log on PGlite and on PostgreSQL, and Kafka on the
// real broker of the test setup. Every test uses topics of its own (a unique prefix), so
// reruns and parallel files never see each other's messages.
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { partitionForKey } from './partition-for-key';
import { kafkaSubject, pgliteSubject, postgresSubject } from './testing/bus-subjects';
import {
  keyOf,
  observations,
  publishInBatches,
  record,
  sleepMs,
  waitUntil,
} from './testing/consume';
import { expectExactlyOnceInOrder, range } from './testing/expect-delivery';
import type { Bus } from './types';

const runPrefix = `t${Date.now().toString(36)}${process.pid}-`;
const subjects = [
  pgliteSubject,
  postgresSubject,
  kafkaSubject(inject('kafkaBrokers').split(','), runPrefix),
];

describe.each(subjects)('bus contract: $name', (subject) => {
  let testNumber = 0;
  const buses: Bus[] = [];
  /** A bus on topics no other test uses. */
  const freshBus = async (prefix = `${runPrefix}${++testNumber}.`) => {
    const bus = await subject.open(prefix);
    buses.push(bus);
    return { bus, prefix };
  };

  beforeAll(() => subject.start());
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(() => subject.stop());

  test('creates its topics idempotently and reports health', async () => {
    const { bus } = await freshBus();
    await bus.ensureTopics();
    await bus.ensureTopics();
    expect(await bus.health()).toEqual({ ok: true });
    await bus.publish('observations', observations(1, 1));
    expect(await bus.lag('never-subscribed', ['observations'])).toBe(1);
  });

  test('10,000 messages over 50 keys reach a group exactly once, in per-key order', async () => {
    const { bus } = await freshBus();
    const started = Date.now();
    await publishInBatches(bus, observations(10_000, 50), 1_000);
    const published = Date.now();
    const group = await record(bus, { groupId: 'all', fromBeginning: true });
    await group.waitFor(10_000);
    console.info(
      `${subject.name}: published 10,000 in ${published - started} ms, consumed in ${Date.now() - published} ms`,
    );
    await waitUntil(async () => (await bus.lag('all', ['observations'])) === 0, 10_000);
    await sleepMs(300); // nothing more may arrive
    expectExactlyOnceInOrder(group.received, range(0, 10_000));
    expect(new Set(group.received.map((m) => m.partition)).size).toBe(6);
    expect(group.received.find((m) => m.key === keyOf(7))?.partition).toBe(
      partitionForKey(keyOf(7), 6),
    );
  });

  test('a batch whose handler throws is delivered again and nothing is skipped', async () => {
    const { bus } = await freshBus();
    await bus.publish('observations', observations(300, 5));
    let failed = false;
    const group = await record(bus, {
      groupId: 'flaky',
      fromBeginning: true,
      handle: async () => {
        if (failed) return;
        failed = true;
        throw new Error('the effect failed once');
      },
    });
    await group.waitFor(300);
    const [first, second] = group.attempts;
    expect(second!.partition).toBe(first!.partition);
    expect(second!.messages.map((m) => m.offset)).toEqual(first!.messages.map((m) => m.offset));
    await waitUntil(async () => (await bus.lag('flaky', ['observations'])) === 0, 10_000);
    expectExactlyOnceInOrder(group.received, range(0, 300));
  });

  test('a group resumes after its committed offset; what was not committed comes again', async () => {
    const { bus } = await freshBus();
    await bus.publish('observations', observations(500, 20));
    const first = await record(bus, { groupId: 'resume', fromBeginning: true });
    await first.waitFor(500);
    await waitUntil(async () => (await bus.lag('resume', ['observations'])) === 0, 10_000);
    await first.subscription.stop();

    await bus.publish('observations', observations(500, 20, 500));
    const failing = await record(bus, {
      groupId: 'resume',
      handle: async () => Promise.reject(new Error('effect not durable')),
    });
    await waitUntil(() => failing.attempts.length > 0, 20_000);
    await failing.subscription.stop();
    expect(await bus.lag('resume', ['observations'])).toBe(500);

    const second = await record(bus, { groupId: 'resume', fromBeginning: true });
    await second.waitFor(500);
    await sleepMs(300);
    expectExactlyOnceInOrder(second.received, range(500, 1_000));
  });

  test('two groups each get everything', async () => {
    const { bus } = await freshBus();
    await bus.publish('observations', observations(400, 30));
    const [a, b] = await Promise.all([
      record(bus, { groupId: 'group-a', fromBeginning: true }),
      record(bus, { groupId: 'group-b', fromBeginning: true }),
    ]);
    await Promise.all([a.waitFor(400), b.waitFor(400)]);
    await sleepMs(300);
    expectExactlyOnceInOrder(a.received, range(0, 400));
    expectExactlyOnceInOrder(b.received, range(0, 400));
  });

  test('two members of one group share the partitions and never both get a message', async () => {
    const { bus } = await freshBus();
    const first = await record(bus, { groupId: 'shared', fromBeginning: true });
    const second = await record(bus, { groupId: 'shared', fromBeginning: true });
    await sleepMs(500); // let the members settle their assignment before anything is published
    await publishInBatches(bus, observations(1_200, 50), 200);
    await waitUntil(() => first.received.length + second.received.length >= 1_200, 30_000);
    await sleepMs(300);
    expect(first.received.length).toBeGreaterThan(0);
    expect(second.received.length).toBeGreaterThan(0);
    const firstPartitions = new Set(first.received.map((m) => m.partition));
    expect(second.received.some((m) => firstPartitions.has(m.partition))).toBe(false);
    expectExactlyOnceInOrder([...first.received, ...second.received], range(0, 1_200));
  });

  test('a new group without fromBeginning starts at the end', async () => {
    const { bus } = await freshBus();
    await bus.publish('observations', observations(100, 10));
    const late = await record(bus, { groupId: 'late' });
    await bus.publish('observations', observations(50, 10, 100));
    await late.waitFor(50);
    await sleepMs(300);
    expectExactlyOnceInOrder(late.received, range(100, 150));
  });

  test('lag counts what the group has not committed and falls to 0', async () => {
    const { bus } = await freshBus();
    await bus.publish('observations', observations(1_000, 25));
    expect(await bus.lag('lagging', ['observations'])).toBe(1_000);
    const group = await record(bus, { groupId: 'lagging', fromBeginning: true });
    await group.waitFor(1_000);
    await waitUntil(async () => (await bus.lag('lagging', ['observations'])) === 0, 10_000);
  });

  test('pause holds delivery back until resume', async () => {
    const { bus } = await freshBus();
    const group = await record(bus, { groupId: 'pausing', fromBeginning: true });
    await bus.publish('observations', observations(100, 10));
    await group.waitFor(100);
    group.subscription.pause();
    await sleepMs(200); // a fetch already in flight may still land
    const before = group.received.length;
    await bus.publish('observations', observations(100, 10, 100));
    await sleepMs(1_500);
    expect(group.received.length).toBe(before);
    group.subscription.resume();
    await group.waitFor(200);
    expectExactlyOnceInOrder(group.received, range(0, 200));
  });

  test('messages and committed offsets survive closing and reopening', async () => {
    const { bus, prefix } = await freshBus();
    await bus.publish('observations', observations(500, 20));
    const group = await record(bus, { groupId: 'durable', fromBeginning: true });
    await group.waitFor(500);
    await waitUntil(async () => (await bus.lag('durable', ['observations'])) === 0, 10_000);
    await bus.publish('observations', observations(300, 20, 500));
    await bus.close();
    await subject.restart();

    const { bus: reopened } = await freshBus(prefix);
    expect(await reopened.lag('durable', ['observations'])).toBe(300);
    const resumed = await record(reopened, { groupId: 'durable', fromBeginning: true });
    const everything = await record(reopened, { groupId: 'newcomer', fromBeginning: true });
    await Promise.all([resumed.waitFor(300), everything.waitFor(800)]);
    await sleepMs(300);
    expectExactlyOnceInOrder(resumed.received, range(500, 800));
    expectExactlyOnceInOrder(everything.received, range(0, 800));
  });
});
