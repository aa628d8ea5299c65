import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendJobLog, applyJobEvent, insertJob } from '../../infra/jobs/job-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

describe('GET /api/v1/jobs', () => {
  let station: TestStation;
  const get = (path: string) => fetch(`${station.server.url}${path}`);
  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
    await insertJob(station.db, 'job-a', {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: { particles: 10 },
      origin: { ruleId: 'south-foehn' },
    });
    await applyJobEvent(station.db, {
      jobId: 'job-a',
      state: 'running',
      progress: 0.4,
      message: 'moving particles',
      result: null,
    });
    await appendJobLog(station.db, 'job-a', 'info', '145 wind samples');
  });
  afterAll(() => station.close());

  it('lists jobs and shows one with its progress and log', async () => {
    const { jobs } = await (await get('/api/v1/jobs')).json();
    expect(jobs).toHaveLength(1);
    const { job, logs } = await (await get('/api/v1/jobs/job-a')).json();
    expect(job).toMatchObject({
      id: 'job-a',
      state: 'running',
      progress: 0.4,
      message: 'moving particles',
      origin: { ruleId: 'south-foehn' },
    });
    expect(logs).toEqual([
      { at: expect.stringMatching(/Z$/), level: 'info', message: '145 wind samples' },
    ]);
  });

  it('answers 404 for an unknown job and 400 for a bad limit, and documents both routes', async () => {
    expect((await get('/api/v1/jobs/nope')).status).toBe(404);
    expect((await get('/api/v1/jobs?limit=0')).status).toBe(400);
    const openapi = await (await get('/api/openapi.json')).json();
    expect(openapi.paths['/api/v1/jobs/{id}'].get.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
    });
  });
});
