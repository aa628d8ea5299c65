import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../infra/db/pglite';
import { openPostgres } from '../../infra/db/postgres';
import type { Database } from '../../infra/db/types';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { observationsOf } from '../support/server';
import { firn, startStationProcess } from '../support/station-process';

interface Setup {
  name: string;
  env: NodeJS.ProcessEnv;
  openAfterCrash(): Promise<Database>;
  dispose(): Promise<void>;
}

async function postgresSetup(): Promise<Setup> {
  const throwaway: ThrowawayDatabase = await createThrowawayDatabase();
  return {
    name: 'postgres',
    env: { DATABASE_URL: throwaway.url },
    openAfterCrash: async () => openPostgres(throwaway.url),
    dispose: () => throwaway.drop(),
  };
}

async function pgliteSetup(): Promise<Setup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-crash-'));
  return {
    name: 'pglite',
    env: { FIRN_DATA_DIR: dataDir },
    openAfterCrash: () => openPglite(path.join(dataDir, 'db')),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

const setups = [
  { name: 'postgres', makeSetup: postgresSetup },
  { name: 'pglite', makeSetup: pgliteSetup },
];

describe.each(setups)('kill -9 right after a 200 answer, on $name', ({ makeSetup }) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await makeSetup();
  });
  afterAll(() => setup.dispose());

  it('loses nothing of the acknowledged batch', async () => {
    const token = firn(['token', 'create', '--station', 'sattelberg'], setup.env);
    const station = await startStationProcess(setup.env);
    const rows = observationsOf('sattelberg.aws.air_temperature', 5000, Date.UTC(2023, 5, 1));
    const res = await fetch(`${station.url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ observations: rows }),
    });
    expect(res.status).toBe(200);
    station.child.kill('SIGKILL'); // no chance to flush or shut down cleanly
    await new Promise((resolve) => station.child.once('exit', resolve));
    expect((await res.json()).accepted).toBe(5000);

    const db = await setup.openAfterCrash();
    try {
      const { rows: stored } = await db.query<{ n: number; total: number }>(
        `SELECT count(*)::int AS n, sum(value)::float8 AS total FROM observations o
         JOIN datastreams d ON d.id = o.datastream_id WHERE d.key = 'sattelberg.aws.air_temperature'`,
      );
      expect(stored[0]?.n).toBe(5000);
      expect(stored[0]?.total).toBeCloseTo(
        rows.reduce((sum, r) => sum + r.value, 0),
        6,
      );
      const outbox = await db.query<{ n: number }>('SELECT sum(row_count)::int AS n FROM outbox');
      expect(outbox.rows[0]?.n).toBe(5000);
    } finally {
      await db.close();
    }
  });
});
