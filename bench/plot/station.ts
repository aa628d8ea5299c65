import fs from 'node:fs';
import path from 'node:path';
import { ensureRendererBuilt } from '../../cli/commands/renderer-build';
import { readSeed } from '../../cli/context';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { createLogger } from '../../infra/logger';
import { upsertDatastream, upsertInstrument } from '../../server/catalog/catalog-repository';
import { applySeed } from '../../server/catalog/seed';
import { importStream } from '../../server/import/import-stream';
import { DatastreamCache } from '../../server/ingest/datastream-cache';
import { startServer } from '../../server/start-server';
import { createIngestToken } from '../../server/tokens/token-service';
import { backends } from '../../tests/support/backends';
import { repoRoot, sharedData } from '../../tests/support/server';

/** The year of real 10-minute data the open phase plots: 3 variables of 2 stations. */
export const YEAR_FILES = ['sattelberg', 'ellboegen'].map((station) => ({
  station,
  file: path.join(sharedData, 'sattelberg', `${station}_10min_2017.csv`),
}));
export const YEAR_DATASTREAMS = YEAR_FILES.flatMap(({ station }) =>
  ['air_temperature', 'relative_humidity', 'wind_speed'].map((v) => `${station}.aws.${v}`),
);

/** A 50 Hz sonic anemometer: the follow phase's 4 datastreams (u, v, w and sonic temperature). */
const SONIC = [
  { variable: 'wind_u', unit: 'm/s' },
  { variable: 'wind_v', unit: 'm/s' },
  { variable: 'wind_w', unit: 'm/s' },
  { variable: 'sonic_temperature', unit: 'degC' },
];
export const FOLLOW_DATASTREAMS = SONIC.map((s) => `sattelberg.sonic.${s.variable}`);
export const FOLLOW_HZ = 50;

export interface PlotStation {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The control room in this process as a hut runs it: embedded PGlite (or a throwaway
 * database on the PostgreSQL server, to compare), no broker (local ingest reaches the live
 * socket directly), the built UI served from renderer/dist.
 */
export async function startPlotStation(
  database: 'pglite' | 'postgres',
  log: (line: string) => void,
): Promise<PlotStation> {
  const staticDir = ensureRendererBuilt(log);
  if (!staticDir || !fs.existsSync(path.join(staticDir, 'index.html')))
    throw new Error('the UI is not built: npm run build:renderer says why');
  const { db, dispose } = await backends.find((b) => b.name === database)!.open();
  await applySeed(db, readSeed(path.join(repoRoot, 'resources', 'seed.json')));
  await db.transaction(async (tx) => {
    await upsertInstrument(tx, 'sattelberg', 'sonic', 'Ultrasonic anemometer, 50 Hz');
    for (const s of SONIC)
      await upsertDatastream(tx, {
        station: 'sattelberg',
        instrument: 'sonic',
        cadenceSeconds: 1 / FOLLOW_HZ,
        description: null,
        ...s,
      });
  });
  // The real files through the real import path (as `firn import` does), not generated data.
  for (const { station, file } of YEAR_FILES) {
    const started = performance.now();
    const totals = await importStream(
      { db, datastreams: new DatastreamCache(db) },
      fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      { kind: 'station-file', reader: createSattelbergReader({ station, instrument: 'aws' }) },
      `bench:${path.basename(file)}`,
      () => undefined,
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`plot: imported ${path.basename(file)}: ${totals.stored} observations in ${seconds} s`);
  }
  const token = await createIngestToken(db, 'sattelberg', 'bench plot');
  const server = await startServer({
    db,
    logger: createLogger('warn'),
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 64 * 1024 * 1024,
    maxRowsPerBatch: 200_000,
    ingestRequestsPerSecond: 200, // the default: the feeder's 50 requests/s stay well under it
    version: 'bench',
    staticDir,
  });
  return {
    url: server.url,
    token,
    async close() {
      await server.close();
      await dispose();
    },
  };
}
