import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { migrate } from './migrate';
import { migrations } from './migrations/index';
import type { Database } from './types';

describe.each(backends)('storage on $name', (backend) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
  });
  afterAll(() => dispose());

  it('has applied every migration once, and applying again changes nothing', async () => {
    const { rows } = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
  });

  it('has every table of the design', async () => {
    const { rows } = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      'stations',
      'instruments',
      'datastreams',
      'observations',
      'outbox',
      'quarantine',
      'users',
      'ingest_tokens',
      'audit_log',
      'ingest_batches',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('keeps the audit log append-only', async () => {
    await db.query(
      "INSERT INTO audit_log (actor, action, subject) VALUES ('operator', 'token.create', 'sattelberg')",
    );
    await expect(db.query("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const { rows } = await db.query<{ actor: string }>('SELECT actor FROM audit_log');
    expect(rows).toEqual([{ actor: 'operator' }]);
  });

  it('rolls a failed transaction back as a whole', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO stations (id, name) VALUES ('rollback', 'Rollback')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query("SELECT 1 FROM stations WHERE id = 'rollback'");
    expect(rows).toHaveLength(0);
  });

  it('refuses two observations of one datastream at one time, and a non-positive cadence', async () => {
    await db.query(
      'INSERT INTO observations (datastream_id, time, value, batch_id) VALUES (1, $1, 1, 1)',
      ['2020-01-01T00:00:00Z'],
    );
    await expect(
      db.query(
        'INSERT INTO observations (datastream_id, time, value, batch_id) VALUES (1, $1, 2, 2)',
        ['2020-01-01T00:00:00Z'],
      ),
    ).rejects.toThrow();
    await db.query("INSERT INTO stations (id, name) VALUES ('s', 'S')");
    await db.query("INSERT INTO instruments (station_id, id, name) VALUES ('s', 'i', 'I')");
    await expect(
      db.query(
        "INSERT INTO datastreams (key, station_id, instrument_id, variable, unit, cadence_seconds) VALUES ('s.i.v', 's', 'i', 'v', 'x', 0)",
      ),
    ).rejects.toThrow();
  });
});
