import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seriesResponseSchema } from '../../core/contracts/http';
import { backends } from '../../tests/support/backends';
import { observationsOf, startTestStation, type TestStation } from '../../tests/support/server';

const TEMP = 'sattelberg.aws.air_temperature';

describe.each(backends)('series, catalog, health, metrics and live feed on $name', (backend) => {
  let station: TestStation;
  const get = (path: string) => fetch(`${station.server.url}${path}`);
  beforeAll(async () => {
    station = await startTestStation(backend);
    // A year of 10-minute data with a spike and a one-day gap.
    const rows = observationsOf(TEMP, 52_560, Date.UTC(2017, 0, 1)).filter(
      (_, i) => i < 20_000 || i >= 20_144,
    );
    rows[30_000] = { ...(rows[30_000] as (typeof rows)[number]), value: 55.5 };
    for (let i = 0; i < rows.length; i += 10_000) {
      const res = await station.post(JSON.stringify({ observations: rows.slice(i, i + 10_000) }));
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => station.close());

  it('decimates a year to maxPoints and keeps the spike and the gap', async () => {
    const res = await get(
      `/api/v1/datastreams/${TEMP}/observations?from=2017-01-01T00:00:00Z&to=2018-01-01T00:00:00Z&maxPoints=1500`,
    );
    expect(res.status).toBe(200);
    const series = seriesResponseSchema.parse(await res.json());
    expect(series.count).toBe(52_560 - 144);
    expect(series.decimated).toBe(true);
    expect(series.t.length).toBeLessThanOrEqual(1500);
    expect(series.v).toContain(55.5);
    expect(series.v).toContain(null);
    expect(series.unit).toBe('degC');
  });

  it('returns the raw points of a short range', async () => {
    const series = seriesResponseSchema.parse(
      await (
        await get(
          `/api/v1/datastreams/${TEMP}/observations?from=2017-01-01T00:00:00Z&to=2017-01-01T01:00:00Z`,
        )
      ).json(),
    );
    expect(series.t).toEqual(
      Array.from({ length: 7 }, (_, i) => Date.UTC(2017, 0, 1) + i * 600_000),
    );
    expect(series.decimated).toBe(false);
  });

  it('answers 404 for an unknown datastream and 400 for a bad range', async () => {
    expect((await get('/api/v1/datastreams/nowhere.x.y/observations')).status).toBe(404);
    const bad = await get(`/api/v1/datastreams/${TEMP}/observations?from=yesterday`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^from: /);
    expect((await get(`/api/v1/datastreams/${TEMP}/observations?maxPoints=-3`)).status).toBe(400);
  });

  it('lists stations and datastreams with their latest value', async () => {
    const { stations } = await (await get('/api/v1/stations')).json();
    expect(stations.map((s: { id: string }) => s.id)).toEqual([
      'ellboegen',
      'sattelberg',
      'zugspitze',
    ]);
    const { datastreams } = await (await get('/api/v1/datastreams')).json();
    const temp = datastreams.find((d: { key: string }) => d.key === TEMP);
    expect(temp).toMatchObject({ unit: 'degC', cadenceSeconds: 600, count: 52_416 });
    expect(temp.lastTime).toBe(new Date(Date.UTC(2017, 0, 1) + 52_559 * 600_000).toISOString());
  });

  it('reports health, metrics and the OpenAPI document', async () => {
    const health = await (await get('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', database: { ok: true, kind: backend.name } });
    expect(health.outbox.backlog).toBe(52_416);
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toMatch(/firn_ingest_rows_total\{result="stored"\} 52416/);
    expect(metrics).toMatch(/firn_outbox_backlog_rows 52416/);
    expect(metrics).toMatch(
      /firn_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/observations"/,
    );
    const openapi = await (await get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/datastreams/{key}/observations');
  });

  it('pushes new observations to a subscribed live socket', async () => {
    const ws = new WebSocket(`${station.server.url.replace('http', 'ws')}/api/v1/live`);
    const messages: { type: string; datastream?: string; v?: number[] }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'subscribe', datastreams: ['sattelberg.aws.wind_speed'] }));
    await expect.poll(() => messages.some((m) => m.type === 'subscribed')).toBe(true);
    await station.post(
      JSON.stringify({
        observations: observationsOf('sattelberg.aws.wind_speed', 3, Date.UTC(2025, 0, 1)),
      }),
    );
    await station.post(
      JSON.stringify({ observations: observationsOf(TEMP, 2, Date.UTC(2025, 0, 1)) }),
    );
    await expect.poll(() => messages.filter((m) => m.type === 'observations').length).toBe(1);
    expect(messages.find((m) => m.type === 'observations')).toMatchObject({
      datastream: 'sattelberg.aws.wind_speed',
      v: [0, 1, 1.99],
    });
    ws.close();
  });

  it('refuses a live socket from another web origin', async () => {
    const ws = new WebSocket(`${station.server.url.replace('http', 'ws')}/api/v1/live`, {
      headers: { Origin: 'https://evil.example' },
    });
    const error = await new Promise<Error>((resolve) => ws.once('error', resolve));
    expect(error.message).toMatch(/403/);
  });
});
