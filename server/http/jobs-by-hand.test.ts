import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { southFoehnRuleInput } from '../../core/rules/examples/south-foehn';
import { openBus } from '../../infra/bus/open-bus';
import { getJob } from '../../infra/jobs/job-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const simulation = southFoehnRuleInput.actions.find((a) => a.queue === 'jobs.cod')!;
const model = {
  ...simulation.params.model,
  releaseStart: Date.UTC(2017, 2, 4, 12),
  releaseEnd: Date.UTC(2017, 2, 4, 13),
};
const wind = { speed: 'sattelberg.aws.wind_speed', direction: 'sattelberg.aws.wind_direction' };

describe('jobs by hand and cancel, over HTTP on the embedded log', () => {
  let station: TestStation;
  const call = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${station.server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': 'clara', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    station = await startTestStation(backends[1]!, { bus: (db) => openBus({ db }) });
  });
  afterAll(() => station.close());

  it('queues a back-trajectory asked for by hand, once per idempotency key', async () => {
    const request = { queue: 'jobs.cod', type: 'backward-dispersion', params: { model, wind } };
    const first = await call('/api/v1/jobs', request, { 'Idempotency-Key': 'march-4' });
    expect(first.status).toBe(202);
    const { id } = await first.json();
    const again = await (
      await call('/api/v1/jobs', request, { 'Idempotency-Key': 'march-4' })
    ).json();
    expect(again.id).toBe(id);
    expect(await getJob(station.db, id)).toMatchObject({
      state: 'queued',
      origin: { user: 'clara' },
    });
  });

  it('says which parameter is wrong before anything is queued', async () => {
    const bad = { ...model, releaseEnd: model.releaseStart - 1 };
    const answer = await call('/api/v1/jobs', {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: { model: bad, wind },
    });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toMatch(/release ends before it starts/);
    expect((await call('/api/v1/jobs', { queue: 'jobs.xyz', type: 'x', params: {} })).status).toBe(
      400,
    );
  });

  it('cancels a queued job once; a finished one cannot be cancelled', async () => {
    const { id } = await (
      await call('/api/v1/jobs', { queue: 'jobs.sod', type: 'notify', params: {} })
    ).json();
    const cancelled = await call(`/api/v1/jobs/${id}/cancel`);
    expect(await cancelled.json()).toEqual({ id, state: 'cancelled' });
    expect((await call(`/api/v1/jobs/${id}/cancel`)).status).toBe(409);
    expect((await call('/api/v1/jobs/nope/cancel')).status).toBe(404);
    expect((await getJob(station.db, id))?.message).toBe('cancelled by clara');
  });
});
