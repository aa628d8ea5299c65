import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { backends } from '../../tests/support/backends';
import { observationsOf, startTestStation, type TestStation } from '../../tests/support/server';

/**
 * A page of another site open in the desk's browser must not change anything on the local
 * server nor read its live socket; station loggers and curl (no Origin) and the control
 * room's own pages (same origin) go on as before.
 */
describe('requests from other sites', () => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
  });
  afterAll(() => station.close());

  let minute = 0;
  const ingest = (headers: Record<string, string>) =>
    station.post(
      JSON.stringify({
        observations: observationsOf(
          'sattelberg.aws.wind_speed',
          1,
          Date.UTC(2024, 0, 1, 0, ++minute),
        ),
      }),
      'application/json',
      headers,
    );
  const own = () => station.server.url;

  it('refuses writes whose Origin or Sec-Fetch-Site names another site, with the reason', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'http://127.0.0.1:1' }, // another local app: same site, other origin
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: own() },
    ];
    for (const headers of foreign) {
      const refused = await ingest(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error.code).toBe('forbidden_origin');
    }
    const cancel = await fetch(`${own()}/api/v1/jobs/some-job/cancel`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    });
    expect(cancel.status).toBe(403);
    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observations',
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('lets the own pages, tools without Origin and reads through', async () => {
    expect((await ingest({})).status).toBe(200);
    expect((await ingest({ origin: own(), 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    const read = await fetch(`${own()}/api/health`, { headers: { origin: 'http://evil.example' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens the live socket to the own pages only', async () => {
    const url = own().replace(/^http/, 'ws') + '/api/v1/live';
    const opens = (origin?: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(url, origin ? { origin } : {});
        ws.on('open', () => (ws.close(), resolve(true)));
        ws.on('error', () => resolve(false));
      });
    expect(await opens('http://evil.example')).toBe(false);
    expect(await opens(own())).toBe(true);
    expect(await opens()).toBe(true);
  });
});
