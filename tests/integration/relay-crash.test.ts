import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageOf } from '../../core/contracts/topics';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { backends } from '../support/backends';
import { observationsOf, startTestStation, type TestStation } from '../support/server';
import { startWorkerProcess } from '../support/station-process';

const BATCHES = 40;
const BATCH_ROWS = 5000;

async function publishedRows(station: TestStation): Promise<number> {
  const { rows } = await station.db.query<{ n: number }>(
    'SELECT coalesce(sum(row_count), 0)::int AS n FROM outbox WHERE published_at IS NOT NULL',
  );
  return rows[0]?.n ?? 0;
}

describe('kill -9 of the relay process in the middle of a drain', () => {
  let station: TestStation;
  let bus: Bus;
  let worker: ChildProcess | undefined;
  const prefix = `relay-crash-${Date.now()}.`;
  const env = () => ({
    DATABASE_URL: station.databaseUrl,
    KAFKA_BROKERS: inject('kafkaBrokers'),
    FIRN_TOPIC_PREFIX: prefix,
  });

  beforeAll(async () => {
    station = await startTestStation(backends[0]!);
    bus = await openBus({
      db: station.db,
      kafkaBrokers: inject('kafkaBrokers').split(','),
      topicPrefix: prefix,
    });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await bus.close();
    await station.close();
  });

  it('loses nothing, and the consumer drops what was published twice', async () => {
    for (let b = 0; b < BATCHES; b += 1) {
      const datastream = b % 2 ? 'sattelberg.aws.air_temperature' : 'sattelberg.aws.wind_speed';
      const rows = observationsOf(
        datastream,
        BATCH_ROWS,
        Date.UTC(2000, 0, 1) + Math.floor(b / 2) * BATCH_ROWS * 600_000,
      );
      expect((await station.post(JSON.stringify({ observations: rows }))).status).toBe(200);
    }
    const total = BATCHES * BATCH_ROWS;

    worker = await startWorkerProcess('relay', env());
    await expect
      .poll(() => publishedRows(station), { interval: 5, timeout: 30_000 })
      .toBeGreaterThan(0);
    worker.kill('SIGKILL');
    const publishedBeforeCrash = await publishedRows(station);
    expect(publishedBeforeCrash).toBeLessThan(total);

    worker = await startWorkerProcess('relay', env());
    await expect.poll(() => publishedRows(station), { timeout: 60_000 }).toBe(total);
    worker.kill('SIGTERM');

    const seen = new Set<string>();
    let received = 0;
    const subscription = await bus.subscribe({
      groupId: `${prefix}check`,
      topics: ['observations'],
      fromBeginning: true,
      eachBatch: async ({ messages }) => {
        for (const m of messages) {
          const o = JSON.parse(m.value) as MessageOf<'observations'>;
          received += 1;
          seen.add(`${o.datastream} ${o.timeMs}`);
        }
      },
    });
    await expect.poll(() => seen.size, { timeout: 60_000 }).toBe(total);
    await subscription.stop();
    // A crash between publish and mark may publish one round again; never less than everything.
    expect(received).toBeGreaterThanOrEqual(total);
    expect(received - total).toBeLessThanOrEqual(20_000);
  });
});
