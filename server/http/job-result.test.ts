import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulationResultSchema } from '../../core/contracts/simulation-result';
import { applyJobEvent, insertJob } from '../../infra/jobs/job-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const SECRET = 'not for the web';

/** A small but complete result file, as run-model.ts writes it. */
const resultFile = {
  grid: { nx: 2, ny: 2, cellSizeM: 1000, xMinM: -1000, yMinM: -1000, groundLayerHeightM: 100 },
  residenceSeconds: [0, 12.5, 3, 0],
  station: { latitude: 47.18713, longitude: 11.42878 },
  release: { startMs: Date.UTC(2017, 2, 4, 12), endMs: Date.UTC(2017, 2, 4, 13) },
  paths: {
    timesMs: [Date.UTC(2017, 2, 4, 11), Date.UTC(2017, 2, 4, 9)],
    centroid: { x: [-120, -900], y: [40, null] },
    trajectories: [{ x: [-100, null], y: [30, null] }],
  },
  summary: { status: 'completed' },
};

describe('GET /api/v1/jobs/:id/result', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-job-result-'));
  const resultsDir = path.join(base, 'results');
  const outside = path.join(base, 'secret.json');
  let station: TestStation;
  let jobs = 0;

  /** A job whose result names `file` (or has no result while it runs). */
  async function jobWith(file: string | null): Promise<string> {
    jobs += 1;
    const id = `job-result-${jobs}`;
    await insertJob(station.db, id, {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: {},
      origin: {},
    });
    await applyJobEvent(station.db, {
      jobId: id,
      state: file === null ? 'running' : 'succeeded',
      progress: file === null ? 0.3 : 1,
      message: null,
      result: file === null ? null : { file },
    });
    return id;
  }
  const get = (id: string) =>
    fetch(`${station.server.url}/api/v1/jobs/${encodeURIComponent(id)}/result`);

  beforeAll(async () => {
    fs.mkdirSync(resultsDir);
    fs.writeFileSync(outside, JSON.stringify({ secret: SECRET }));
    station = await startTestStation(backends[1]!, { resultsDir });
  });
  afterAll(async () => {
    await station.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('streams the file the job recorded, in the contract the renderer reads', async () => {
    const file = path.join(resultsDir, 'run-1.json');
    fs.writeFileSync(file, JSON.stringify(resultFile));
    const answer = await get(await jobWith(file));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    const body = simulationResultSchema.parse(await answer.json());
    expect(body.paths.trajectories[0]?.y).toEqual([30, null]);
    expect(body.residenceSeconds).toEqual([0, 12.5, 3, 0]);
  });

  it('answers 404 with the reason: no such job, still running, file gone', async () => {
    const unknown = await get('no-such-job');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe('job "no-such-job" not found');
    const running = await get(await jobWith(null));
    expect(running.status).toBe(404);
    expect((await running.json()).error.message).toMatch(/has no result file \(it is running\)/);
    const gone = await get(await jobWith(path.join(resultsDir, 'deleted.json')));
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.message).toMatch(/is gone/);
  });

  it('refuses files outside the results folder, by path or through a symlink', async () => {
    const link = path.join(resultsDir, 'link.json');
    fs.symlinkSync(outside, link);
    const names = [outside, '../secret.json', `${resultsDir}/../secret.json`, link, resultsDir];
    for (const name of names) {
      const answer = await get(await jobWith(name));
      const text = await answer.text();
      expect(answer.status, name).toBe(403);
      expect(text).not.toContain(SECRET);
      expect(JSON.parse(text).error.message).toMatch(/outside the results folder/);
    }
    // The id in the URL only names a row: a path in it finds no job.
    const traversal = await fetch(`${station.server.url}/api/v1/jobs/..%2F..%2Fsecret/result`);
    expect(traversal.status).toBe(404);
  });

  it('never answers 500 or leaks the secret, whatever name a job records', async () => {
    const segment = fc.constantFrom('..', '.', 'results', 'secret.json', 'run-1.json', '', '%2e');
    const name = fc.oneof(
      fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/')),
      fc.array(segment, { maxLength: 5 }).map((parts) => `${base}/${parts.join('/')}`),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(name, async (file) => {
        const answer = await get(await jobWith(file));
        const text = await answer.text();
        expect([200, 403, 404]).toContain(answer.status);
        expect(text).not.toContain(SECRET);
      }),
      { numRuns: 40 },
    );
  });
});
