import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deterministicId } from '../../core/contracts/jobs';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { submitJob } from '../../infra/jobs/submit-job';
import { createLogger } from '../../infra/logger';
import { backends } from '../../tests/support/backends';
import { JobRunner } from '../runner/job-runner';
import { dispersionHandler } from './dispersion-handler';

const START = Date.UTC(2017, 2, 4, 0, 0);

/** Two datastreams of measured wind: 8 m/s from the south (180°) every 10 minutes for a day. */
async function storeSoutherlyWind(db: Database): Promise<void> {
  await db.exec(`INSERT INTO stations (id, name) VALUES ('sattelberg', 'Sattelberg');
    INSERT INTO instruments (station_id, id, name) VALUES ('sattelberg', 'aws', 'AWS');
    INSERT INTO datastreams (key, station_id, instrument_id, variable, unit) VALUES
      ('sattelberg.aws.wind_speed', 'sattelberg', 'aws', 'wind_speed', 'm/s'),
      ('sattelberg.aws.wind_direction', 'sattelberg', 'aws', 'wind_direction', 'deg')`);
  await db.query(
    `INSERT INTO observations (datastream_id, time, value, batch_id)
     SELECT d.id, to_timestamp($1 / 1000.0) + (n * interval '10 minutes'),
            CASE WHEN d.variable = 'wind_speed' THEN 8 ELSE 180 END, 0
     FROM datastreams d, generate_series(0, 144) AS n`,
    [START],
  );
}

describe('backward-dispersion jobs on jobs.cod', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let bus: Bus;
  let runner: JobRunner;
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-results-'));

  beforeAll(async () => {
    ({ db, dispose } = await backends[1]!.open());
    await storeSoutherlyWind(db);
    bus = await openBus({ db });
    runner = new JobRunner({
      db,
      bus,
      queue: 'jobs.cod',
      handlers: [dispersionHandler(db, resultsDir)],
      logger: createLogger('silent'),
    });
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await bus.close();
    await dispose();
    fs.rmSync(resultsDir, { recursive: true, force: true });
  });

  it('runs the model on the measured wind in a child process and keeps the footprint', async () => {
    const releaseEnd = START + 20 * 3_600_000;
    const id = deterministicId('job', 'south-foehn', String(releaseEnd));
    await submitJob(db, bus, id, {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      origin: { ruleId: 'south-foehn' },
      params: {
        wind: { speed: 'sattelberg.aws.wind_speed', direction: 'sattelberg.aws.wind_direction' },
        model: {
          durationHours: 12,
          particleCount: 2000,
          station: { latitude: 47.011, longitude: 11.479 },
          releaseBox: {
            west: 11.47,
            east: 11.49,
            south: 47.005,
            north: 47.015,
            bottom: 0,
            top: 100,
          },
          releaseStart: releaseEnd - 3_600_000,
          releaseEnd,
          grid: { extentKm: 1000, resolutionKm: 5, groundLayerHeightM: 100 },
        },
      },
    });
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 60_000 })
      .toBe('succeeded');
    const job = await getJob(db, id);
    const result = job?.result as {
      file: string;
      centroidEndKm: { x: number; y: number };
      particles: { released: number };
    };
    expect(result.particles.released).toBe(2000);
    // The air came from the south: 12 h back at 8 m/s puts the footprint ~300 km south.
    expect(result.centroidEndKm.y).toBeLessThan(-200);
    expect(Math.abs(result.centroidEndKm.x)).toBeLessThan(60);
    const saved = JSON.parse(fs.readFileSync(result.file, 'utf8'));
    expect(saved.residenceSeconds.length).toBe(200 * 200);
  });

  it('fails at once, without retries, when there is no measured wind for the run', async () => {
    const id = deterministicId('job', 'no-wind');
    await submitJob(db, bus, id, {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      origin: {},
      params: {
        wind: { speed: 'sattelberg.aws.wind_speed', direction: 'sattelberg.aws.wind_direction' },
        model: {
          durationHours: 6,
          particleCount: 100,
          station: { latitude: 47.011, longitude: 11.479 },
          releaseBox: {
            west: 11.47,
            east: 11.49,
            south: 47.005,
            north: 47.015,
            bottom: 0,
            top: 100,
          },
          releaseStart: Date.UTC(2030, 0, 1),
          releaseEnd: Date.UTC(2030, 0, 1, 1),
        },
      },
    });
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 30_000 })
      .toBe('failed');
    expect(await getJob(db, id)).toMatchObject({
      attempts: 1,
      error: expect.stringMatching(/no measured wind/),
    });
  });
});
