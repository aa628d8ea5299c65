import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { sharedData, startTestStation, type TestStation } from '../../tests/support/server';

const postgres = backends.find((b) => b.name === 'postgres');
if (!postgres) throw new Error('no postgres backend');

/** The first `lines` lines of a real station file (header included), as its bytes. */
function slice(relative: string, lines: number): string {
  const text = fs.readFileSync(path.join(sharedData, relative), 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text.split(eol).slice(0, lines).join(eol) + eol;
}

describe('portal upload and quarantine over HTTP on PostgreSQL', () => {
  let station: TestStation;
  const upload = (
    body: string | Buffer,
    query: string,
    contentType = 'application/octet-stream',
    headers: Record<string, string> = {},
  ) =>
    fetch(`${station.server.url}/api/v1/uploads?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-Firn-User': 'sara', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const call = (method: string, route: string, user = 'sara', body?: unknown) =>
    fetch(`${station.server.url}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const count = async (sql: string, params: (string | number)[] = []) =>
    Number((await station.db.query<{ n: string }>(sql, params)).rows[0]?.n);

  beforeAll(async () => {
    station = await startTestStation(postgres);
    await station.db.query(
      `INSERT INTO users (name, role, password_params, password_salt, password_hash)
       VALUES ('vera', 'viewer', 'x', 'x', 'x')`,
    );
  });
  afterAll(() => station?.close());

  it('stores a slice of the real Sattelberg file, told by its name; again stores nothing twice', async () => {
    const body = slice('sattelberg/sattelberg_10min_2017.csv', 101); // 100 data lines
    const first = await upload(body, 'name=sattelberg_10min_2017.csv');
    expect(first.status, await first.clone().text()).toBe(200);
    const answer = await first.json();
    expect(answer).toMatchObject({
      file: 'sattelberg_10min_2017.csv',
      format: 'sattelberg',
      target: 'sattelberg.aws',
      duplicates: 0,
      rejected: 0,
      quarantinedIds: [],
    });
    expect(answer.accepted).toBe(answer.stored);
    expect(answer.accepted + answer.missing).toBe(500); // five columns, each stored or missing
    expect(
      await count(
        `SELECT count(*) AS n FROM observations o JOIN datastreams d ON d.id = o.datastream_id
         WHERE d.station_id = 'sattelberg'`,
      ),
    ).toBe(answer.stored);

    const again = await (await upload(body, 'name=sattelberg_10min_2017.csv')).json();
    expect(again).toMatchObject({
      stored: 0,
      duplicates: answer.accepted,
      accepted: answer.accepted,
    });
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'upload' AND actor = 'sara'`),
    ).toBe(2);
  });

  it('reads a gzip-encoded DWD daily file (CRLF, -999) into the Zugspitze station it names', async () => {
    const body = gzipSync(
      slice('zugspitze_dwd_daily/produkt_klima_tag_20180605_20191206_05792.txt', 11),
    );
    const response = await upload(
      body,
      'name=produkt_klima_tag_20180605_20191206_05792.txt',
      'application/octet-stream',
      {
        'Content-Encoding': 'gzip',
      },
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({
      format: 'dwd-daily',
      target: 'zugspitze.dwd_daily',
      rejected: 0,
    });
    expect(answer.stored).toBeGreaterThan(50);
    expect(answer.missing).toBeGreaterThan(0);
  });

  it('quarantines a bad row with its reason; a refused fix keeps it open, a good fix re-ingests it', async () => {
    const csv = [
      'datastream,time,value',
      'sattelberg.aws.air_temperature,2018-03-01T00:00:00Z,-3.5',
      'sattelberg.aws.air_temperature,2018-03-01T00:10:00Z,warm',
      'sattelberg.aws.air_temperature,2018-03-01T00:20:00Z,-3.7',
    ].join('\n');
    const response = await upload(csv, 'name=bad.csv', 'text/csv');
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ format: 'csv', accepted: 2, stored: 2, rejected: 1 });
    expect(answer.firstRejections).toEqual([{ row: 1, error: expect.stringContaining('value') }]);
    expect(answer.quarantinedIds).toHaveLength(1);
    const id = answer.quarantinedIds[0] as number;

    const listed = await (await call('GET', '/api/v1/quarantine?error=VALUE', 'vera')).json();
    const row = listed.rows.find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({ resolution: null, resolvedAtMs: null });
    expect(row.raw).toContain('warm');
    expect(row.source).toContain('bad.csv');
    expect(listed.total).toBeGreaterThanOrEqual(1);
    const none = await (await call('GET', '/api/v1/quarantine?error=no%20such%20reason')).json();
    expect(none).toEqual({ rows: [], total: 0, nextBefore: null });

    const fixedRaw = (value: unknown) =>
      JSON.stringify({
        datastream: 'sattelberg.aws.air_temperature',
        time: '2018-03-01T00:10:00Z',
        value,
      });
    const refused = await call('POST', `/api/v1/quarantine/${id}/fix`, 'sara', {
      raw: fixedRaw('still warm'),
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toContain('the fix is refused');
    expect(
      await count('SELECT count(*) AS n FROM quarantine WHERE resolved_at IS NULL AND id = $1', [
        id,
      ]),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM quarantine WHERE raw LIKE '%still warm%'`)).toBe(
      0,
    );

    expect(
      (await call('POST', `/api/v1/quarantine/${id}/fix`, 'vera', { raw: fixedRaw(-3.6) })).status,
    ).toBe(403);
    const fixed = await call('POST', `/api/v1/quarantine/${id}/fix`, 'sara', {
      raw: fixedRaw(-3.6),
    });
    expect(fixed.status, await fixed.clone().text()).toBe(200);
    const result = await fixed.json();
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, row: { id, resolution: 'fixed' } });
    expect(result.row.resolvedAtMs).toEqual(expect.any(Number));
    expect(
      await count(
        `SELECT count(*) AS n FROM observations WHERE time = '2018-03-01T00:10:00Z' AND value = -3.6`,
      ),
    ).toBe(1);
    const audit = await station.db.query<{ actor: string; action: string }>(
      `SELECT actor, action FROM audit_log WHERE subject = $1`,
      [`quarantine:${id}`],
    );
    expect(audit.rows).toEqual([{ actor: 'sara', action: 'quarantine.fix' }]);
    const after = await (await call('GET', '/api/v1/quarantine?limit=500')).json();
    expect(after.rows.map((r: { id: number }) => r.id)).not.toContain(id);
    expect(
      (await call('POST', `/api/v1/quarantine/${id}/fix`, 'sara', { raw: fixedRaw(-3.6) })).status,
    ).toBe(409);
  });

  it('discards a row with who did it, and pages the open rows newest first', async () => {
    const rows = ['datastream,time,value'];
    for (let i = 0; i < 5; i++) rows.push(`nowhere.aws.x${i},2018-03-01T00:00:00Z,1`);
    const answer = await (await upload(rows.join('\n'), 'name=unknown.csv', 'text/csv')).json();
    expect(answer.rejected).toBe(5);
    expect(answer.firstRejections[0].error).toContain('unknown datastream');
    const ids = answer.quarantinedIds as number[];

    const page1 = await (
      await call('GET', '/api/v1/quarantine?error=unknown%20datastream&limit=3')
    ).json();
    expect(page1.total).toBe(5);
    expect(page1.rows.map((r: { id: number }) => r.id)).toEqual([...ids].reverse().slice(0, 3));
    const page2 = await (
      await call(
        'GET',
        `/api/v1/quarantine?error=unknown%20datastream&limit=3&before=${page1.nextBefore}`,
      )
    ).json();
    expect(page2.rows.map((r: { id: number }) => r.id)).toEqual([...ids].reverse().slice(3));
    expect(page2.nextBefore).toBeNull();

    const target = ids[0] as number;
    expect((await call('POST', `/api/v1/quarantine/${target}/discard`, 'vera', {})).status).toBe(
      403,
    );
    const discarded = await call('POST', `/api/v1/quarantine/${target}/discard`, 'sara', {});
    expect(discarded.status, await discarded.clone().text()).toBe(200);
    expect(await discarded.json()).toMatchObject({ id: target, resolution: 'discarded' });
    const audit = await station.db.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE action = 'quarantine.discard' AND subject = $1`,
      [`quarantine:${target}`],
    );
    expect(audit.rows).toEqual([{ actor: 'sara' }]);
    expect((await call('POST', `/api/v1/quarantine/${target}/discard`, 'sara', {})).status).toBe(
      409,
    );
    expect((await call('POST', '/api/v1/quarantine/999999999/discard', 'sara', {})).status).toBe(
      404,
    );
    // Not JSON: refused, so another site's form cannot discard through a local desk.
    const form = await fetch(`${station.server.url}/api/v1/quarantine/${ids[1]}/discard`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(form.status).toBe(400);
  });

  it('refuses what it cannot read with a 4xx that says why', async () => {
    const plain = await upload('datastream,time,value\n', 'name=a.csv', 'text/plain');
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.message).toContain('application/octet-stream');
    const unknown = await upload('hello;world\n1;2\n', 'name=notes.txt');
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).error.message).toContain('?format=');
    const empty = await upload('', 'name=empty.csv');
    expect(empty.status).toBe(400);
    const badQuery = await upload('x', 'format=excel');
    expect(badQuery.status).toBe(400);
    const noStation = await upload(
      slice('sattelberg/sattelberg_10min_2017.csv', 3),
      'name=data.csv',
    );
    expect(noStation.status).toBe(415);
    expect((await noStation.json()).error.message).toContain('?station=');
    const viewer = await upload('x', 'name=a.csv', 'text/csv', { 'X-Firn-User': 'vera' });
    expect(viewer.status).toBe(403);
  });

  it('answers 413 at once to a declared size over the limit, before reading the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${station.server.url}/api/v1/uploads?name=big.csv`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/csv',
          'Content-Length': String(300 * 1024 * 1024),
          'X-Firn-User': 'sara',
        },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write('datastream,time,value\n');
    });
    expect(status).toBe(413);
  });
});
