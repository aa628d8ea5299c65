// The hut case: the broker cannot be reached. Opening the bus still works, health() says why
// within a few seconds, and a publish rejects with a clear error instead of hanging; the
// process does not crash (vitest fails a file on an unhandled rejection).
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPglite } from '../db/pglite';
import { migrate } from '../db/migrate';
import type { Database } from '../db/types';
import { openBus } from './open-bus';
import { observations } from './testing/consume';

let db: Database;
beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
});
afterAll(() => db.close());

/** A loopback port nobody listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('without brokers the bus is the embedded log in the database', async () => {
  const bus = await openBus({ db, topicPrefix: 'offline-test.' });
  expect(bus.kind).toBe('embedded');
  expect(await bus.health()).toEqual({ ok: true });
  await bus.close();
});

test('an unreachable broker: open works, health says why, publish rejects in time', async () => {
  const warnings: string[] = [];
  const bus = await openBus({
    kafkaBrokers: [`127.0.0.1:${await closedPort()}`],
    db,
    log: (level, message) => (level === 'warn' ? warnings.push(message) : undefined),
  });
  expect(bus.kind).toBe('kafka');
  expect(warnings.some((w) => w.includes('not reachable'))).toBe(true);

  let started = Date.now();
  const health = await bus.health();
  expect(health.ok).toBe(false);
  expect(health.error).toMatch(/ECONNREFUSED|Connection error|connect/i);
  expect(Date.now() - started).toBeLessThan(5_000);

  started = Date.now();
  await expect(bus.publish('observations', observations(10, 2))).rejects.toThrow(
    /publishing 10 messages to observations failed/,
  );
  expect(Date.now() - started).toBeLessThan(12_000);
  await bus.close();
}, 30_000);
