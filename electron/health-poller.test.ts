import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../core/contracts/http';
import { checkStation, startHealthPolling } from './health-poller';
import type { TrayStatus } from './tray-status';

const healthy: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  database: { ok: true, kind: 'pglite' },
  bus: { kind: 'kafka', ok: true },
  outbox: { backlog: 0, oldestAgeSeconds: null },
};
const offline: HealthResponse = {
  ...healthy,
  status: 'degraded',
  bus: { kind: 'kafka', ok: false, error: 'Connection timeout' },
  outbox: { backlog: 52_416, oldestAgeSeconds: 30 },
};

/** A real HTTP server on a free port that answers /api/health with `answer()`. */
async function healthServer(answer: () => { status: number; body: string }) {
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    const { status, body } =
      request.url === '/api/health' ? answer() : { status: 404, body: 'not found' };
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // fetch keeps connections alive; close() alone would wait for them to time out.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  cleanups.push(close);
  return { url: `http://127.0.0.1:${port}/api/health`, requests: () => requests, close };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('health polling for the tray', () => {
  it('reads the station answer over HTTP', async () => {
    const server = await healthServer(() => ({ status: 200, body: JSON.stringify(offline) }));
    expect((await checkStation(server.url)).headline).toBe('offline: 52,416 buffered');
  });

  it('reports an error status, a non-JSON body and a closed port as unreachable', async () => {
    const failing = await healthServer(() => ({ status: 500, body: '{}' }));
    expect(await checkStation(failing.url)).toMatchObject({
      state: 'unreachable',
      details: ['HTTP 500'],
    });
    const garbage = await healthServer(() => ({ status: 200, body: 'not json' }));
    expect((await checkStation(garbage.url)).state).toBe('unreachable');
    const gone = await healthServer(() => ({ status: 200, body: JSON.stringify(healthy) }));
    await gone.close();
    expect((await checkStation(gone.url)).state).toBe('unreachable');
  });

  it('follows the station through an outage and stops asking when stopped', async () => {
    let answer = healthy;
    const server = await healthServer(() => ({ status: 200, body: JSON.stringify(answer) }));
    const seen: TrayStatus[] = [];
    const poller = startHealthPolling({
      url: server.url,
      onStatus: (status) => seen.push(status),
      intervalMs: 5,
      fastIntervalMs: 5,
    });
    cleanups.push(() => poller.stop());
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen[0]?.state).toBe('ok');
    answer = offline;
    await expect.poll(() => seen.at(-1)?.state).toBe('offline');
    answer = healthy;
    await expect.poll(() => seen.at(-1)?.state).toBe('ok');
    poller.stop();
    // One request may be in flight when stop() is called; after it nothing more is asked.
    const settled = server.requests() + 1;
    const before = seen.length;
    await server.close();
    expect(server.requests()).toBeLessThanOrEqual(settled);
    expect(seen.length).toBe(before);
  });
});
