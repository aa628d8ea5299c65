import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { observationsOf, startTestStation, type TestStation } from '../../tests/support/server';

const TRICKLING = 30;
const HALF_HEADERS = 10;
const REGULAR = 20;

/**
 * A hut on a bad uplink sends its body a few bytes at a time; a broken client stops halfway
 * through its headers. Neither may hold what other requests need (a database connection:
 * the embedded database has one): while 40 such clients hang, regular ingest and health
 * requests are answered, and nothing of the unfinished bodies is stored.
 */
describe.each(backends)('slow clients on $name', (backend) => {
  let station: TestStation;
  const sockets: net.Socket[] = [];
  let trickle: NodeJS.Timeout | undefined;
  beforeAll(async () => {
    station = await startTestStation(backend);
  });
  afterAll(async () => {
    clearInterval(trickle);
    for (const socket of sockets) socket.destroy();
    await station.close();
  });

  it('do not stall other requests, and leave nothing stored', async () => {
    const { port } = station.server;
    const opened = (text: string) =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(text);
          resolve(socket);
        });
        socket.on('error', reject);
      });
    for (let i = 0; i < TRICKLING; i += 1) {
      const head =
        `POST /api/v1/observations HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: Bearer ${station.token}\r\nContent-Type: application/json\r\n` +
        `Content-Length: 100000\r\n\r\n{"observations":[`;
      sockets.push(await opened(head));
    }
    for (let i = 0; i < HALF_HEADERS; i += 1) {
      sockets.push(await opened('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    }
    // One more byte of each body now and then: the sockets stay busy all along.
    trickle = setInterval(() => {
      for (const socket of sockets.slice(0, TRICKLING)) if (!socket.destroyed) socket.write(' ');
    }, 200);

    const answered: number[] = [];
    for (let i = 0; i < REGULAR; i += 1) {
      const body = JSON.stringify({
        observations: observationsOf('sattelberg.aws.wind_speed', 5, Date.UTC(2024, 1, 1, i)),
      });
      const response = await fetch(`${station.server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${station.token}` },
        body,
        signal: AbortSignal.timeout(20_000),
      });
      answered.push(response.status);
    }
    const health = await fetch(`${station.server.url}/api/health`, {
      signal: AbortSignal.timeout(20_000),
    });
    expect(answered).toEqual(Array(REGULAR).fill(200));
    expect(health.status).toBe(200);
    expect(sockets.filter((s) => !s.destroyed)).toHaveLength(TRICKLING + HALF_HEADERS);

    const { rows } = await station.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observations',
    );
    expect(rows[0]?.n).toBe(REGULAR * 5);
  }, 90_000);
});
