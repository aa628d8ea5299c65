import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageOf } from '../../core/contracts/topics';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { createLogger } from '../../infra/logger';
import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { startOwnBroker, type OwnBroker } from '../support/kafka';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';

const DATASTREAMS = ['air_temperature', 'wind_speed', 'relative_humidity', 'air_pressure'].map(
  (v) => `sattelberg.aws.${v}`,
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything acknowledged reaches a consumer exactly once in effect, in time order per datastream. */
describe('a Kafka outage of 20 s while ingest goes on', () => {
  let broker: OwnBroker;
  let station: TestStation;
  let bus: Bus;
  let relay: OutboxRelay;
  const prefix = `outage-${Date.now()}.`;

  beforeAll(async () => {
    broker = await startOwnBroker();
    station = await startTestStation(backends[0]!);
    bus = await openBus({ db: station.db, kafkaBrokers: [broker.brokers], topicPrefix: prefix });
    relay = new OutboxRelay({ db: station.db, bus, logger: createLogger('silent') });
    relay.start();
  }, 120_000);
  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await station.close();
    await broker.dispose();
  });

  it('buffers in the outbox and drains in order when the broker is back', async () => {
    const acked: { datastream: string; timeMs: number; value: number }[] = [];
    let step = 0;
    const ingestFor = async (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const rows = DATASTREAMS.map((datastream) => ({
          datastream,
          time: new Date(Date.UTC(2025, 0, 1) + step * 60_000).toISOString(),
          value: step + DATASTREAMS.indexOf(datastream) / 10,
        }));
        step += 1;
        const res = await station.post(JSON.stringify({ observations: rows }));
        expect(res.status).toBe(200);
        expect((await res.json()).accepted).toBe(rows.length);
        acked.push(
          ...rows.map((r) => ({
            datastream: r.datastream,
            timeMs: Date.parse(r.time),
            value: r.value,
          })),
        );
        await sleep(20);
      }
    };
    await ingestFor(3000);
    await broker.stop();
    await ingestFor(20_000);
    const health = await (await fetch(`${station.server.url}/api/health`)).json();
    expect(health.outbox.backlog).toBeGreaterThan(0);
    expect(relay.status.connected).toBe(false);
    await broker.start();
    await ingestFor(3000);
    await expect
      .poll(
        async () => (await (await fetch(`${station.server.url}/api/health`)).json()).outbox.backlog,
        {
          timeout: 60_000,
          interval: 500,
        },
      )
      .toBe(0);

    const seen = new Map<string, number>();
    const lastTime = new Map<string, number>();
    let outOfOrder = 0;
    const subscription = await bus.subscribe({
      groupId: `${prefix}check`,
      topics: ['observations'],
      fromBeginning: true,
      eachBatch: async ({ messages }) => {
        for (const m of messages) {
          const o = JSON.parse(m.value) as MessageOf<'observations'>;
          const id = `${o.datastream} ${o.timeMs}`;
          if (seen.has(id)) continue; // the consumer's duplicate rule
          seen.set(id, o.value);
          if (o.timeMs < (lastTime.get(o.datastream) ?? -Infinity)) outOfOrder += 1;
          lastTime.set(o.datastream, o.timeMs);
        }
      },
    });
    await expect.poll(() => seen.size, { timeout: 60_000 }).toBe(acked.length);
    await subscription.stop();
    expect(outOfOrder).toBe(0);
    const checksum = (values: number[]) => values.reduce((sum, v) => sum + v, 0);
    expect(checksum([...seen.values()])).toBeCloseTo(checksum(acked.map((a) => a.value)), 6);
  });
});
