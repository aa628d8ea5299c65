import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createThrowawayDatabase } from '../tests/support/postgres';
import { firn, postAll, printResult, startStationProcess } from '../tests/support/station-process';

const BATCH = 5000;
/** The five datastreams of the Sattelberg 10-minute station, the benches' load. */
export const DATASTREAMS = [
  'air_temperature',
  'wind_speed',
  'wind_direction',
  'relative_humidity',
  'air_pressure',
].map((v) => `sattelberg.aws.${v}`);

/** `batches` JSON bodies of 5,000 rows, distinct (datastream, time) throughout, starting at `epochMs`. */
function makeBodies(batches: number, epochMs: number): string[] {
  const bodies: string[] = [];
  for (let b = 0; b < batches; b += 1) {
    const rows = [];
    for (let i = 0; i < BATCH; i += 1) {
      const n = b * BATCH + i;
      const time = new Date(epochMs + Math.floor(n / DATASTREAMS.length) * 1000).toISOString();
      rows.push({
        datastream: DATASTREAMS[n % DATASTREAMS.length],
        time,
        value: Math.round(Math.sin(n) * 1e4) / 100,
      });
    }
    bodies.push(JSON.stringify({ observations: rows }));
  }
  return bodies;
}

/** Raw COPY of `rows` rows into the observations table: the ceiling for any ingest path. */
async function copyRate(url: string, rows: number, epochMs: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = (
      await client.query<{ id: number }>(
        "SELECT id FROM datastreams WHERE key LIKE 'ellboegen.aws.%' ORDER BY id",
      )
    ).rows.map((r) => r.id);
    // The COPY text is made before the clock starts, in 1 MiB chunks: only the database is timed.
    const chunks: Buffer[] = [];
    let chunk = '';
    for (let n = 0; n < rows; n += 1) {
      const time = new Date(epochMs + Math.floor(n / ids.length) * 1000).toISOString();
      chunk += `${ids[n % ids.length]}\t${time}\t${Math.round(Math.sin(n) * 1e4) / 100}\t\\N\t0\n`;
      if (chunk.length > 1 << 20) {
        chunks.push(Buffer.from(chunk));
        chunk = '';
      }
    }
    chunks.push(Buffer.from(chunk));
    const started = performance.now();
    await client.query('BEGIN');
    await pipeline(
      Readable.from(chunks),
      client.query(
        copyFrom('COPY observations (datastream_id, time, value, quality, batch_id) FROM STDIN'),
      ),
    );
    await client.query('COMMIT');
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

async function httpRate(env: NodeJS.ProcessEnv, bodies: string[]): Promise<number> {
  const token = firn(['token', 'create', '--station', 'sattelberg'], env);
  const station = await startStationProcess(env);
  try {
    await postAll(station.url, token, bodies.slice(0, 2), 2); // warm-up: JIT, caches, token check
    const seconds = await postAll(station.url, token, bodies.slice(2), 4);
    return ((bodies.length - 2) * BATCH) / seconds;
  } finally {
    await station.stop();
  }
}

export async function benchIngest(args: string[]): Promise<void> {
  const batches = Number(args[0] ?? 102);
  const db = await createThrowawayDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-bench-'));
  try {
    console.error(`ingest: ${batches} batches of ${BATCH} over HTTP into PostgreSQL…`);
    const obsPerSecond = await httpRate(
      { DATABASE_URL: db.url },
      makeBodies(batches, Date.UTC(2020, 0, 1)),
    );
    console.error('ingest: raw COPY into the same table…');
    const copyRowsPerSecond = await copyRate(db.url, (batches - 2) * BATCH, Date.UTC(2020, 0, 1));
    console.error('ingest: embedded (PGlite)…');
    const embedded = await httpRate(
      { FIRN_DATA_DIR: dataDir },
      makeBodies(Math.max(6, Math.floor(batches / 5)), Date.UTC(2021, 0, 1)),
    );
    const row = (name: string, value: number) =>
      console.error(`  ${name.padEnd(34)} ${Math.round(value).toLocaleString('en')}`);
    row('HTTP → PostgreSQL, obs/s', obsPerSecond);
    row('raw COPY, rows/s', copyRowsPerSecond);
    row('HTTP → PGlite (embedded), obs/s', embedded);
    printResult({
      bench: 'ingest',
      obs_per_s: Math.round(obsPerSecond),
      copy_rows_per_s: Math.round(copyRowsPerSecond),
      ratio: Math.round((obsPerSecond / copyRowsPerSecond) * 100) / 100,
      embedded_obs_per_s: Math.round(embedded),
      batch_rows: BATCH,
    });
  } finally {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
