import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

/** A GET naming `host` in its Host header (fetch does not let a page choose it, http does). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('requests naming a foreign host (DNS rebinding)', () => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
  });
  afterAll(() => station.close());

  it('answers IP addresses and localhost, and refuses other names with 403', async () => {
    const url = `${station.server.url}/api/health`;
    const port = new URL(url).port;
    expect((await getWithHost(url, `127.0.0.1:${port}`)).status).toBe(200);
    expect((await getWithHost(url, `localhost:${port}`)).status).toBe(200);
    expect((await getWithHost(url, `[::1]:${port}`)).status).toBe(200);
    const foreign = await getWithHost(url, `attacker.example:${port}`);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toMatch(/FIRN_ALLOWED_HOSTS/);
  });
});
