// What only the embedded log has to prove: offsets stay gapless and in commit order while
// producers race (the partition row lock), and retention trims only what every group has.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends } from '../../tests/support/backends';
import type { Database } from '../db/types';
import { EmbeddedLog } from './embedded-log';
import { observations, record, sequenceOf } from './testing/consume';

describe.each(backends)('embedded log on $name', (backend) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ db, dispose } = await backend.open()));
  afterAll(() => dispose());

  test('concurrent publishers get gapless offsets and a live consumer misses nothing', async () => {
    const bus = new EmbeddedLog({ db, topicPrefix: 'race.', trimIntervalMs: 0 });
    await bus.ensureTopics();
    const group = await record(bus, { groupId: 'live', fromBeginning: true });
    const calls = Array.from({ length: 20 }, (_, call) =>
      bus.publish('observations', observations(250, 10, call * 250)),
    );
    await Promise.all(calls);
    await group.waitFor(5_000);
    const { rows } = await db.query<{ partition: number; n: number; top: string }>(
      `SELECT partition, count(*)::int AS n, max("offset")::text AS top FROM bus_log
       WHERE topic = 'race.observations' GROUP BY partition`,
    );
    for (const row of rows) expect(Number(row.top)).toBe(row.n - 1);
    expect(new Set(group.received.map(sequenceOf)).size).toBe(5_000);
    expect(group.received.length).toBe(5_000);
    await bus.close();
  });

  test('trim deletes what is past retention and committed by every active group', async () => {
    const bus = new EmbeddedLog({ db, topicPrefix: 'trim.', trimIntervalMs: 0 });
    await bus.ensureTopics();
    await bus.publish('observations', observations(100, 10));
    const done = await record(bus, { groupId: 'done', fromBeginning: true });
    await done.waitFor(100);
    const behind = await record(bus, {
      groupId: 'behind',
      fromBeginning: true,
      handle: () => Promise.reject(new Error('stuck')),
    });
    await behind.subscription.stop();
    await done.subscription.stop();
    const age = (sql: string) => db.query(sql.replace('$age', "now() - interval '8 days'"));
    await age(`UPDATE bus_log SET ts = $age WHERE topic = 'trim.observations'`);

    expect(await bus.trim()).toBe(0); // 'behind' still needs them
    await age(`UPDATE bus_offsets SET updated_at = $age WHERE group_id = 'behind'`);
    expect(await bus.trim()).toBe(100); // gone for longer than the retention: no longer waited for
    expect(await bus.lag('done', ['observations'])).toBe(0);

    await bus.publish('observations', observations(5, 5, 100));
    const newcomer = await record(bus, { groupId: 'newcomer', fromBeginning: true });
    await newcomer.waitFor(5);
    expect(newcomer.received.map(sequenceOf).sort((a, b) => a - b)).toEqual([
      100, 101, 102, 103, 104,
    ]);
    await bus.close();
  });
});
