import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { openPostgres } from '../../infra/db/postgres';
import { createLogger } from '../../infra/logger';
import { CommandTicker } from '../../workers/operate/command-ticker';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';

// Commands scheduled into a booked slot (issue 7, Build 3), over real HTTP on PostgreSQL:
// refused outside the requester's own slot, waiting as `scheduled`, released by the
// operate worker's ticker at their time (exactly once, also with two workers), audited.

const AIRGLOW = 'zugspitze.airglow';
const MIN = 60_000;

describe('commands scheduled into a booked slot (postgres)', () => {
  let station: TestStation;
  let bus: Bus;
  const base = Date.now() + 24 * 60 * MIN; // tomorrow: every slot of this test lies ahead
  const at = (minutes: number) => new Date(base + minutes * MIN).toISOString();
  const call = async (method: string, path: string, user: string, body?: unknown) => {
    const response = await fetch(`${station.server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  const ask = (user: string, command: string, when: string, params = {}) =>
    call('POST', '/api/v1/operations/commands', user, {
      instrument: AIRGLOW,
      command,
      params,
      at: when,
    });
  const ticker = (db = station.db, nowMs = base + 600 * MIN) =>
    new CommandTicker({
      db,
      bus,
      logger: createLogger('silent'),
      actor: 'operate-worker',
      now: () => nowMs,
    });
  const actions = async (id: string) =>
    (await call('GET', `/api/v1/operations/commands/${id}`, 'vera')).body.audit.map(
      (a: { action: string }) => a.action,
    );

  beforeAll(async () => {
    station = await startTestStation(backends[0]!, {
      bus: async (db) => (bus = await openBus({ db })),
    });
    for (const [name, role] of [
      ['vera', 'viewer'],
      ['sam', 'scientist'],
      ['sue', 'scientist'],
      ['otto', 'operator'],
      ['olga', 'operator'],
    ] as const) {
      await station.db.query(
        `INSERT INTO users (name, role, password_params, password_salt, password_hash)
         VALUES ($1, $2, 'x', 'x', 'x')`,
        [name, role],
      );
    }
    const book = async (user: string, from: number, to: number) => {
      const answer = await call('POST', '/api/v1/bookings', user, {
        instrument: AIRGLOW,
        start: at(from),
        end: at(to),
        purpose: `${user}'s night series`,
      });
      expect(answer.status).toBe(201);
    };
    await book('sam', 0, 120);
    await book('sue', 120, 240);
  });
  afterAll(() => station.close());

  it('refuses a time in no slot or in someone else’s slot with the reason, storing nothing', async () => {
    const before = (await station.db.query('SELECT id FROM commands')).rows;
    const none = await ask('sam', 'set-exposure', at(300), { seconds: 5 });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain(`${AIRGLOW} has no confirmed booking slot at`);
    const others = await ask('sam', 'set-exposure', at(150), { seconds: 5 });
    expect(others.status).toBe(409);
    expect(others.body.error.message).toContain('is booked by sue');
    const past = await ask('sam', 'set-exposure', new Date(Date.now() - 60 * MIN).toISOString());
    expect(past.status).toBe(400);
    expect((await ask('vera', 'set-exposure', at(10), { seconds: 5 })).status).toBe(403);
    expect((await station.db.query('SELECT id FROM commands')).rows).toEqual(before);
  });

  it('waits as scheduled, takes an approval in advance, and is released at its time', async () => {
    const asked = await ask('sam', 'set-exposure', at(10), { seconds: 5 });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'scheduled', notBefore: at(10) });
    expect(asked.body.bookingId).toMatch(/./);
    const id = asked.body.id as string;
    const approved = await call('POST', `/api/v1/operations/commands/${id}/approve`, 'otto', {
      comment: 'fine',
    });
    expect(approved.body).toMatchObject({ state: 'scheduled', approvals: [{ by: 'otto' }] });
    // Not yet due: nothing moves.
    expect((await ticker(station.db, base + 5 * MIN).tick()).released).toEqual([]);
    const { released } = await ticker(station.db, base + 10 * MIN).tick();
    expect(released).toEqual([{ commandId: id, state: 'approved' }]);
    const jobs = await station.db.query<{ params: unknown; state: string }>(
      `SELECT params, state FROM jobs WHERE type = 'run-command' AND params->>'commandId' = $1`,
      [id],
    );
    expect(jobs.rows).toEqual([{ params: { commandId: id }, state: 'queued' }]);
    expect(await actions(id)).toEqual(['scheduled', 'approved', 'released']);
    const audit = await call('GET', `/api/v1/operations/audit?command=${id}`, 'vera');
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'sam',
      toState: 'scheduled',
      reason: expect.stringContaining(`for ${at(10)} in booking`),
    });
    expect(audit.body.entries[2]).toMatchObject({
      actor: 'operate-worker',
      fromState: 'scheduled',
      toState: 'approved',
    });
  });

  it('goes to approval at its time when nobody approved it in advance; interlocks still hold', async () => {
    const exposure = (await ask('sam', 'set-exposure', at(20), { seconds: 7 })).body.id;
    // The calibration lamp needs a staffed station: nobody is there, so it is blocked.
    const lamp = (await ask('sam', 'calibrate', at(20), { lampSeconds: 5 })).body.id;
    for (const user of ['otto', 'olga']) {
      const answer = await call('POST', `/api/v1/operations/commands/${lamp}/approve`, user, {});
      expect(answer.body.state).toBe('scheduled'); // the interlocks are checked at its time
    }
    const { released } = await ticker(station.db, base + 21 * MIN).tick();
    expect(released).toEqual(
      expect.arrayContaining([
        { commandId: exposure, state: 'proposed' },
        { commandId: lamp, state: 'blocked' },
      ]),
    );
    const blocked = await call('GET', `/api/v1/operations/commands/${lamp}`, 'vera');
    expect(blocked.body.command.reason).toContain('only while the station is staffed');
    const approved = await call(
      'POST',
      `/api/v1/operations/commands/${exposure}/approve`,
      'otto',
      {},
    );
    expect(approved.body.state).toBe('approved');
    expect(await actions(exposure)).toEqual(['scheduled', 'released', 'approved']);
  });

  it('is released exactly once by two workers on one database', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const asked = await ask('sam', 'set-exposure', at(30 + i), { seconds: 10 + i });
      await call('POST', `/api/v1/operations/commands/${asked.body.id}/approve`, 'otto', {});
      ids.push(asked.body.id);
    }
    const other = openPostgres(station.databaseUrl!);
    try {
      const rounds = await Promise.all([
        ticker(station.db, base + 60 * MIN).tick(),
        ticker(other, base + 60 * MIN).tick(),
        ticker(station.db, base + 60 * MIN).tick(),
        ticker(other, base + 60 * MIN).tick(),
      ]);
      const released = rounds.flatMap((r) => r.released.map((x) => x.commandId));
      expect(released.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    } finally {
      await other.close();
    }
    const { rows } = await station.db.query<{ command_id: string; n: string | number }>(
      `SELECT command_id, count(*) AS n FROM operations_audit
       WHERE action = 'released' AND command_id IN (SELECT jsonb_array_elements_text($1::jsonb))
       GROUP BY command_id`,
      [JSON.stringify(ids)],
    );
    expect(rows.map((r) => Number(r.n))).toEqual(ids.map(() => 1));
  });

  it('cancels or rejects a scheduled command before its time', async () => {
    const first = (await ask('sam', 'set-exposure', at(90), { seconds: 3 })).body.id;
    const second = (await ask('sam', 'set-exposure', at(91), { seconds: 4 })).body.id;
    const cancelled = await call('POST', `/api/v1/operations/commands/${first}/cancel`, 'sam', {
      reason: 'clouds',
    });
    expect(cancelled.body.state).toBe('cancelled');
    const rejected = await call('POST', `/api/v1/operations/commands/${second}/reject`, 'otto', {
      reason: 'lamp test that night',
    });
    expect(rejected.body.state).toBe('rejected');
    const { released } = await ticker(station.db, base + 100 * MIN).tick();
    expect(released.map((r) => r.commandId)).not.toContain(first);
    expect(released.map((r) => r.commandId)).not.toContain(second);
  });
});
