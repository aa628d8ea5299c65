import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageOf } from '../../core/contracts/topics';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus, ConsumedBatch } from '../../infra/bus/types';
import { createLogger } from '../../infra/logger';
import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { backends } from '../support/backends';
import { observationsOf, startTestStation, type TestStation } from '../support/server';

const DATASTREAMS = ['air_temperature', 'wind_speed', 'relative_humidity'].map(
  (v) => `sattelberg.aws.${v}`,
);

const buses = [
  { name: 'embedded log on PGlite', backend: backends[1]!, kafka: false },
  { name: 'Kafka with PostgreSQL', backend: backends[0]!, kafka: true },
];

describe.each(buses)('outbox relay → observations topic: $name', ({ backend, kafka }) => {
  let station: TestStation;
  let bus: Bus;
  let relay: OutboxRelay;
  const prefix = `relay-test-${Date.now()}-${Math.floor(Math.random() * 1e6)}.`;

  beforeAll(async () => {
    station = await startTestStation(backend);
    bus = await openBus({
      db: station.db,
      topicPrefix: prefix,
      ...(kafka ? { kafkaBrokers: inject('kafkaBrokers').split(',') } : {}),
    });
    relay = new OutboxRelay({ db: station.db, bus, logger: createLogger('silent') });
    relay.start();
  });
  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await station.close();
  });

  it('publishes every stored observation once, in per-datastream time order', async () => {
    const sent: { datastream: string; time: string; value: number }[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const rows = DATASTREAMS.flatMap((d) =>
        observationsOf(d, 100, Date.UTC(2024, 0, 1) + batch * 100 * 600_000),
      );
      const res = await station.post(JSON.stringify({ observations: rows }));
      expect((await res.json()).accepted).toBe(300);
      sent.push(...rows);
      relay.wake();
    }
    // A re-sent batch is stored and published no second time.
    await station.post(JSON.stringify({ observations: sent.slice(0, 300) }));

    const received: MessageOf<'observations'>[] = [];
    const subscription = await bus.subscribe({
      groupId: `${prefix}check`,
      topics: ['observations'],
      fromBeginning: true,
      eachBatch: async (batch: ConsumedBatch) => {
        for (const m of batch.messages) received.push(JSON.parse(m.value));
      },
    });
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(sent.length);
    await subscription.stop();
    expect(new Set(received.map((m) => `${m.datastream} ${m.timeMs}`)).size).toBe(sent.length);

    const checksum = (rows: { value: number }[]) => rows.reduce((sum, r) => sum + r.value, 0);
    expect(checksum(received)).toBeCloseTo(checksum(sent), 6);
    for (const datastream of DATASTREAMS) {
      const times = received.filter((m) => m.datastream === datastream).map((m) => m.timeMs);
      expect(times).toHaveLength(1000);
      const firstOutOfOrder = times.findIndex((t, i) => i > 0 && t < (times[i - 1] as number));
      expect(
        firstOutOfOrder,
        `${datastream} at ${firstOutOfOrder}: ${times.slice(firstOutOfOrder - 2, firstOutOfOrder + 2)}`,
      ).toBe(-1);
    }
    expect(received[0]).toMatchObject({ v: 1, quality: null, time: expect.stringMatching(/Z$/) });
    const health = await (await fetch(`${station.server.url}/api/health`)).json();
    expect(health.outbox.backlog).toBe(0);
  });
});
