import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { observationsOf, startTestStation, type TestStation } from '../../tests/support/server';

const TEMP = 'sattelberg.aws.air_temperature';

describe.each(backends)('POST /api/v1/observations on $name', (backend) => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startTestStation(backend, { maxBodyBytes: 4 * 1024 * 1024 });
  });
  afterAll(() => station.close());

  const count = async (datastream: string) => {
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observations o JOIN datastreams d ON d.id = o.datastream_id WHERE d.key = $1',
      [datastream],
    );
    return rows[0]?.n;
  };

  it('stores a JSON batch and answers accepted and rejected rows', async () => {
    const rows = [...observationsOf(TEMP, 3), { datastream: TEMP, time: 'yesterday', value: 1 }];
    const res = await station.post(JSON.stringify({ observations: rows }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [{ index: 3, error: 'time "yesterday" is not ISO 8601 with a UTC offset or Z' }],
    });
    expect(await count(TEMP)).toBe(3);
  });

  it('stores the same batch once when it is sent twice', async () => {
    const body = JSON.stringify({ observations: observationsOf('sattelberg.aws.wind_speed', 50) });
    expect(await (await station.post(body)).json()).toMatchObject({ accepted: 50, duplicates: 0 });
    expect(await (await station.post(body)).json()).toMatchObject({ accepted: 50, duplicates: 50 });
    expect(await count('sattelberg.aws.wind_speed')).toBe(50);
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT coalesce(sum(row_count), 0)::int AS n FROM outbox',
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(50);
  });

  it('stores 9,999 of 10,000 rows and names the bad row, which goes to quarantine', async () => {
    const rows: Record<string, unknown>[] = observationsOf(
      'sattelberg.aws.relative_humidity',
      10_000,
    );
    rows[4321] = { ...rows[4321], value: 'NaN' };
    const res = await station.post(JSON.stringify({ observations: rows }));
    const answer = await res.json();
    expect(answer).toEqual({
      accepted: 9999,
      duplicates: 0,
      rejected: [{ index: 4321, error: 'value "NaN" is not a finite number' }],
    });
    expect(await count('sattelberg.aws.relative_humidity')).toBe(9999);
    const q = await station.db.query<{ row_index: number; raw: string }>(
      "SELECT row_index, raw FROM quarantine WHERE error LIKE 'value%NaN%'",
    );
    expect(q.rows).toHaveLength(1);
    expect(q.rows[0]?.row_index).toBe(4321);
    expect(JSON.parse(q.rows[0]?.raw ?? '{}')).toMatchObject({
      datastream: 'sattelberg.aws.relative_humidity',
    });
  });

  it('reads NDJSON and CSV (also gzip-compressed)', async () => {
    const ndjson = observationsOf('sattelberg.aws.air_pressure', 5)
      .map((o) => JSON.stringify(o))
      .join('\n');
    expect(await (await station.post(ndjson, 'application/x-ndjson')).json()).toMatchObject({
      accepted: 5,
    });
    const csv = [
      'time,datastream,value,quality',
      ...observationsOf('sattelberg.aws.wind_direction', 4).map(
        (o) => `${o.time},${o.datastream},${o.value},ok`,
      ),
    ].join('\r\n');
    const gz = await station.server.url;
    const res = await fetch(`${gz}/api/v1/observations`, {
      method: 'POST',
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Encoding': 'gzip',
        Authorization: `Bearer ${station.token}`,
      },
      body: gzipSync(csv),
    });
    expect(await res.json()).toMatchObject({ accepted: 4, rejected: [] });
  });

  it('refuses rows of another station than the token’s, and unknown datastreams', async () => {
    const rows = [
      { datastream: 'ellboegen.aws.air_temperature', time: '2024-01-01T00:00:00Z', value: 1 },
      { datastream: 'sattelberg.aws.snow', time: '2024-01-01T00:00:00Z', value: 1 },
    ];
    const answer = await (await station.post(JSON.stringify({ observations: rows }))).json();
    expect(answer.accepted).toBe(0);
    expect(answer.rejected.map((r: { error: string }) => r.error)).toEqual([
      'datastream "ellboegen.aws.air_temperature" belongs to station "ellboegen", not to this token\'s station "sattelberg"',
      'unknown datastream "sattelberg.aws.snow"',
    ]);
  });

  it('answers 401, 400, 413 and 415 with a clear message', async () => {
    const url = `${station.server.url}/api/v1/observations`;
    const noToken = await fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(noToken.status).toBe(401);
    const wrong = await fetch(url, {
      method: 'POST',
      body: '{"observations":[]}',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer firn_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      },
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toMatch(/unknown or revoked/);
    const badJson = await station.post('{"observations":[');
    expect(badJson.status).toBe(400);
    expect((await station.post('hello', 'text/plain')).status).toBe(415);
    const huge = await station.post(JSON.stringify({ observations: observationsOf(TEMP, 60_000) }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
    const health = await fetch(`${station.server.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
