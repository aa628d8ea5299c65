import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import type { Database } from '../db/types';
import { insertBooking, listBookings, withInstrumentLocked } from './booking-store';

const INSTRUMENT = 'sattelberg.imager';
const HOUR = 3_600_000;
const START = Date.UTC(2030, 0, 1, 20);
const postgres = backends.filter((b) => b.name === 'postgres');

/** Polls until `check` holds (no fixed sleeps), failing after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// PGlite serves one connection, so its transactions run one after the other anyway; the
// lock matters on a PostgreSQL server, where two desks' requests really run at once.
describe.each(postgres)('the calendar lock on $name', (backend) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
    await db.query(`INSERT INTO stations (id, name) VALUES ('sattelberg', 'Sattelberg')`);
    await db.query(
      `INSERT INTO operable_instruments (id, station_id, spec) VALUES ($1, 'sattelberg', '{}')`,
      [INSTRUMENT],
    );
  });
  afterAll(() => dispose());

  it('makes a second request wait for the first and then see its slot', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstHolds = false;
    const first = withInstrumentLocked(db, INSTRUMENT, async (tx) => {
      firstHolds = true;
      await gate;
      return insertBooking(tx, {
        id: 'bk-first',
        instrument: INSTRUMENT,
        startMs: START,
        endMs: START + HOUR,
        user: 'ana',
        purpose: 'first',
      });
    });
    await until(async () => firstHolds);
    const second = withInstrumentLocked(db, INSTRUMENT, (tx) =>
      listBookings(tx, { instrument: INSTRUMENT, includeCancelled: false }),
    );
    // The second transaction waits on the instrument's row lock, not on anything else.
    await until(async () => {
      const { rows } = await db.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows[0]?.waiting === 1;
    });
    release();
    await first;
    const seen = await second;
    expect(seen?.result.map((b) => b.id)).toEqual(['bk-first']);
  });

  it('answers undefined for an instrument that does not exist', async () => {
    expect(await withInstrumentLocked(db, 'sattelberg.none', async () => 1)).toBeUndefined();
  });
});
