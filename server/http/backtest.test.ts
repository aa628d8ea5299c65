import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const T = 'sattelberg.aws.air_temperature';
const DAY = Date.UTC(2017, 5, 1);

/** A day of 10-minute temperatures: 0 °C, but 8 °C from 06:00 to 08:00 and a 20-minute blip at 15:00. */
const day = Array.from({ length: 144 }, (_, i) => {
  const minutes = i * 10;
  const warm = (minutes >= 360 && minutes < 480) || (minutes >= 900 && minutes < 920);
  return {
    datastream: T,
    time: new Date(DAY + minutes * 60_000).toISOString(),
    value: warm ? 8 : 0,
  };
});

const rule = {
  id: 'warm-crest',
  name: 'Warm at the crest',
  owner: 'operator',
  scope: { t: T },
  condition: { kind: 'threshold', of: 't', compare: { op: 'above', value: 5 } },
  noise: { minDuration: '30m' },
};

describe('POST /api/v1/rules/backtest', () => {
  let station: TestStation;
  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${station.server.url}/api/v1/rules/backtest`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  beforeAll(async () => {
    station = await startTestStation(backends[0]!);
    expect((await station.post(JSON.stringify({ observations: day }))).status).toBe(200);
  });
  afterAll(() => station.close());

  it('answers the alerts the analyzer would have raised: the 2-hour spell, not the blip', async () => {
    const res = await post({ rule, from: '2017-06-01T00:00:00Z', to: '2017-06-02T00:00:00Z' });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.observations).toBe(144);
    expect(answer.alerts).toHaveLength(1);
    expect(answer.alerts[0]).toMatchObject({ ruleId: 'warm-crest', startMs: DAY + 360 * 60_000 });
    const again = await (
      await post({ rule, from: '2017-06-01T00:00:00Z', to: '2017-06-02T00:00:00Z' })
    ).json();
    expect(again.alerts[0].id).toBe(answer.alerts[0].id);
  });

  it('points at what is wrong in a rule, a range or a body', async () => {
    const badRule = await post({
      rule: {
        ...rule,
        scope: { t: T },
        condition: { kind: 'threshold', of: 'tmp', compare: { op: 'above', value: 5 } },
      },
      from: '2017-06-01T00:00:00Z',
      to: '2017-06-02T00:00:00Z',
    });
    expect(badRule.status).toBe(400);
    expect((await badRule.json()).error.message).toMatch(/^rule: [\s\S]*tmp/);
    const badRange = await post({ rule, from: '2017-06-02T00:00:00Z', to: '2017-06-01T00:00:00Z' });
    expect((await badRange.json()).error.message).toBe('to must be after from');
    expect((await post('{"rule":', 'application/json')).status).toBe(400);
    expect((await post('rule=1', 'application/x-www-form-urlencoded')).status).toBe(400);
  });
});
