import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Bus, BusMessage } from '../../infra/bus/types';
import type { Database, SqlParam } from '../../infra/db/types';
import { createLogger } from '../../infra/logger';
import {
  upsertDatastream,
  upsertInstrument,
  upsertStation,
} from '../../server/catalog/catalog-repository';
import { storeBatch } from '../../server/ingest/observation-repository';
import { backends } from '../support/backends';
import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { BATCHES_PER_ROUND } from '../../workers/relay/outbox-repository';

// Outbox ids are taken when a batch is stored, not when it commits. This is the interleaving
// that broke per-datastream order under concurrent writers (found by the soak): writer A's
// batch holds id 1 but commits after writer B's id 2 was read, and A's next batch (id 3,
// newer times) is stored before the relay reads again. A's batches must still go out in order.

let db: Database;
let dispose: () => Promise<void>;
const ids = new Map<string, number>();

beforeAll(async () => {
  ({ db, dispose } = await backends[0]!.open()); // PostgreSQL: concurrent transactions
  await upsertStation(db, {
    id: 'o',
    name: 'Order',
    latitude: null,
    longitude: null,
    altitude: null,
  });
  await upsertInstrument(db, 'o', 'i', 'Instrument');
  for (const variable of ['a', 'b']) {
    await upsertDatastream(db, {
      station: 'o',
      instrument: 'i',
      variable,
      unit: '1',
      cadenceSeconds: null,
      description: 'outbox order',
    });
  }
  const { rows } = await db.query<{ key: string; id: number }>('SELECT key, id FROM datastreams');
  for (const row of rows) ids.set(row.key, Number(row.id));
});
afterAll(() => dispose());

/** Stores `times` of one datastream as one batch; `beforeCommit` holds the transaction open. */
function store(key: string, times: number[], beforeCommit?: Promise<void>) {
  const holding: Database = {
    ...db,
    transaction: (work) =>
      db.transaction(async (tx) => {
        const result = await work(tx);
        await beforeCommit;
        return result;
      }),
  };
  return storeBatch(beforeCommit ? holding : db, {
    tokenId: null,
    source: 'test',
    observations: times.map((timeMs) => ({
      datastream: key,
      timeMs,
      value: timeMs,
      quality: null,
    })),
    datastreamIds: times.map(() => ids.get(key)!),
    quarantine: [],
  });
}

it("publishes a writer's batches in time order when an earlier one commits late", async () => {
  let commitA1!: () => void;
  const a1 = store('o.i.a', [1, 2, 3], new Promise<void>((resolve) => (commitA1 = resolve)));
  await new Promise((resolve) => setTimeout(resolve, 200)); // A1 has its outbox id by now
  await store('o.i.b', [1, 2, 3]);

  // The relay's database: its second look at the outbox comes after A1 committed and A's
  // next batch was stored, as under load.
  let reads = 0;
  const relayDb: Database = {
    ...db,
    query: async (sql: string, params?: SqlParam[]) => {
      if (sql.includes('FROM outbox WHERE published_at IS NULL') && ++reads === 2) {
        commitA1();
        await a1;
        await store('o.i.a', [4, 5, 6]);
      }
      return db.query(sql, params);
    },
  } as Database;
  const published: BusMessage[] = [];
  const bus = {
    publish: async (_topic: string, messages: BusMessage[]) => void published.push(...messages),
  } as unknown as Bus;
  const relay = new OutboxRelay({ db: relayDb, bus, logger: createLogger('silent') });
  relay.start();
  for (let i = 0; i < 200 && published.length < 9; i++) await new Promise((r) => setTimeout(r, 25));
  await relay.stop();

  const timesOfA = published
    .map((m) => JSON.parse(m.value) as { datastream: string; timeMs: number })
    .filter((o) => o.datastream === 'o.i.a')
    .map((o) => o.timeMs);
  expect(timesOfA).toEqual([1, 2, 3, 4, 5, 6]);
  expect(published).toHaveLength(9);
});

it('drains a backlog of several rounds in order, reading ahead only while more is waiting', async () => {
  // Two full rounds and a last one that takes all there is; times start after the test above.
  const batches = 2 * BATCHES_PER_ROUND + 20;
  for (let b = 0; b < batches; b += 1) await store('o.i.b', [100 + 2 * b, 101 + 2 * b]);

  const events: ('read' | 'publish')[] = [];
  const relayDb: Database = {
    ...db,
    query: async (sql: string, params?: SqlParam[]) => {
      if (sql.includes('FROM outbox WHERE published_at IS NULL')) events.push('read');
      return db.query(sql, params);
    },
  } as Database;
  const published: BusMessage[] = [];
  const bus = {
    publish: async (_topic: string, messages: BusMessage[]) => {
      events.push('publish');
      published.push(...messages);
    },
  } as unknown as Bus;
  const relay = new OutboxRelay({ db: relayDb, bus, logger: createLogger('silent') });
  relay.start();
  for (let i = 0; i < 400 && published.length < 2 * batches; i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  await relay.stop();

  const timesOfB = published
    .map((m) => JSON.parse(m.value) as { datastream: string; timeMs: number })
    .filter((o) => o.datastream === 'o.i.b')
    .map((o) => o.timeMs);
  expect(timesOfB).toEqual(Array.from({ length: 2 * batches }, (_, i) => 100 + i));
  // Rounds 1 and 2 left more in the outbox: the next round was read as each went out.
  // Round 3 took the rest: nothing was read ahead of it, the next read came after it.
  expect(events.slice(0, 7)).toEqual([
    'read',
    'read',
    'publish',
    'read',
    'publish',
    'publish',
    'read',
  ]);
});
