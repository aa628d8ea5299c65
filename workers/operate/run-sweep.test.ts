import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { openPostgres } from '../../infra/db/postgres';
import { createLogger } from '../../infra/logger';
import { findCommand } from '../../infra/operations/command-reads';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { executeCommand } from './command-executor';
import type { InstrumentDriver } from './drivers/instrument-driver';
import { OperateWorker } from './operate-worker';

// An approval whose run job never reached jobs.ood (the bus was away) is published again by
// the operate worker's sweep; however often a command's job is delivered, it is sent once.

const AIRGLOW = 'zugspitze.airglow';

/** The station's bus, with a switch that makes every publish fail as a lost broker does. */
function switchableBus(bus: Bus) {
  const state = { down: false, published: [] as string[] };
  const wrapped = new Proxy(bus, {
    get(target, prop) {
      if (prop === 'publish') {
        return async (...args: Parameters<Bus['publish']>) => {
          if (state.down) throw new Error('broker away');
          state.published.push(...args[1].map((m) => m.key));
          return target.publish(...args);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { bus: wrapped, state };
}

function recordingDriver() {
  const sent: string[] = [];
  const driver: InstrumentDriver = {
    async deliver(message, options) {
      if (options.send) sent.push(message.id);
      await options.onAccepted?.();
      return { status: 'done' };
    },
    async close() {},
  };
  return { sent, drivers: { driverFor: () => driver } };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('approved commands that never reached jobs.ood (postgres)', () => {
  let station: TestStation;
  let flaky: ReturnType<typeof switchableBus>;
  const call = async (path: string, user: string, body: unknown) => {
    const response = await fetch(`${station.server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const requestAndApprove = async (seconds: number) => {
    const asked = await call('/api/v1/operations/commands', 'sam', {
      instrument: AIRGLOW,
      command: 'set-exposure',
      params: { seconds },
    });
    const id = asked.body.id as string;
    const approved = await call(`/api/v1/operations/commands/${id}/approve`, 'otto', {});
    return { id, approved };
  };

  beforeAll(async () => {
    station = await startTestStation(backends[0]!, {
      bus: async (db) => (flaky = switchableBus(await openBus({ db }))).bus,
    });
    for (const [name, role] of [
      ['sam', 'scientist'],
      ['otto', 'operator'],
    ] as const) {
      await station.db.query(
        `INSERT INTO users (name, role, password_params, password_salt, password_hash)
         VALUES ($1, $2, 'x', 'x', 'x')`,
        [name, role],
      );
    }
  });
  afterAll(() => station.close());

  it('keeps the approval when the bus is away, and the worker publishes it on start', async () => {
    flaky.state.down = true;
    const { id, approved } = await requestAndApprove(4);
    flaky.state.down = false;
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    expect(flaky.state.published).toEqual([]);
    const { sent, drivers } = recordingDriver();
    const worker = new OperateWorker({
      db: station.db,
      bus: flaky.bus,
      logger: createLogger('silent'),
      drivers,
      tickMs: 200,
      staleMs: 0, // every unstarted run job is stale: the sweep publishes it again and again
    });
    worker.start();
    try {
      await until('the command to be done', async () => {
        const command = await findCommand(station.db, id);
        return command?.state === 'done' ? command : undefined;
      });
      // Published at least once by the sweep; sent once however often it was delivered.
      expect(flaky.state.published.length).toBeGreaterThanOrEqual(1);
      expect(sent).toEqual([id]);
    } finally {
      await worker.stop();
    }
  });

  it('sends a command once when two executors take it at the same time', async () => {
    const { id } = await requestAndApprove(6);
    const { sent, drivers } = recordingDriver();
    const other = openPostgres(station.databaseUrl!);
    try {
      const states = await Promise.all([
        executeCommand({ db: station.db, drivers }, id),
        executeCommand({ db: other, drivers }, id),
        executeCommand({ db: station.db, drivers }, id),
      ]);
      expect(states).toContain('done');
      expect(sent).toEqual([id]);
      // And again later, as a redelivered job: a finished command is left alone.
      expect(await executeCommand({ db: other, drivers }, id)).toBe('done');
      expect(sent).toEqual([id]);
    } finally {
      await other.close();
    }
    const { rows } = await station.db.query<{ action: string }>(
      `SELECT action FROM operations_audit WHERE command_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'requested',
      'approved',
      'sent',
      'acknowledged',
      'done',
    ]);
  });
});
