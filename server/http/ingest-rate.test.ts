import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { observationsOf, startTestStation, type TestStation } from '../../tests/support/server';

describe('ingest rate per token', () => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startTestStation(backends[1]!, { ingestRequestsPerSecond: 2 });
  });
  afterAll(() => station.close());

  it('answers 429 with Retry-After past the burst, and stores nothing of the refused request', async () => {
    const body = (i: number) =>
      JSON.stringify({
        observations: observationsOf('sattelberg.aws.wind_speed', 1, Date.UTC(2024, 0, 1, 0, i)),
      });
    for (let i = 0; i < 4; i += 1) expect((await station.post(body(i))).status).toBe(200);
    const refused = await station.post(body(99));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error.code).toBe('too_many_requests');
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observations',
    );
    expect(rows[0]?.n).toBe(4);
  });
});
