import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBus } from '../../infra/bus/open-bus';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const AIRGLOW = 'zugspitze.airglow';

describe('operations API (pglite)', () => {
  let station: TestStation;
  const call = async (method: string, path: string, user: string, body?: unknown) => {
    const response = await fetch(`${station.server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: text.startsWith('{') ? JSON.parse(text) : undefined,
    };
  };
  const request = (user: string, command: string, params: Record<string, unknown>, id?: string) =>
    call('POST', '/api/v1/operations/commands', user, { instrument: AIRGLOW, command, params, id });

  beforeAll(async () => {
    station = await startTestStation(backends[1]!, { bus: (db) => openBus({ db }) });
    const users = [
      ['vera', 'viewer'],
      ['sam', 'scientist'],
      ['sue', 'scientist'],
      ['otto', 'operator'],
      ['olga', 'operator'],
    ] as const;
    for (const [name, role] of users) {
      await station.db.query(
        `INSERT INTO users (name, role, password_params, password_salt, password_hash)
         VALUES ($1, $2, 'x', 'x', 'x')`,
        [name, role],
      );
    }
  });
  afterAll(() => station.close());

  it('lists the catalogue instrument with its commands, state and staffing', async () => {
    const { status, body } = await call('GET', '/api/v1/operations/instruments', 'vera');
    expect(status).toBe(200);
    const airglow = body.instruments.find((i: { id: string }) => i.id === AIRGLOW);
    expect(airglow.commands.map((c: { name: string }) => c.name)).toEqual([
      'set-exposure',
      'start-night-series',
      'standby',
      'calibrate',
    ]);
    expect(airglow.live).toMatchObject({ mode: null, connection: 'unknown', lastAckAt: null });
    expect(airglow.live.values.map((v: { variable: string }) => v.variable)).toEqual([
      'exposure_seconds',
      'mode',
      'sky_brightness',
    ]);
    expect(airglow.staffed).toBe(false);
  });

  it('lets a viewer neither request nor approve, and a scientist not approve (403)', async () => {
    expect((await request('vera', 'set-exposure', { seconds: 5 })).status).toBe(403);
    const asked = await request('sam', 'set-exposure', { seconds: 5 });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'proposed', requestedBy: 'sam', approvalsNeeded: 1 });
    for (const user of ['vera', 'sam']) {
      const refused = await call(
        'POST',
        `/api/v1/operations/commands/${asked.body.id}/approve`,
        user,
        {},
      );
      expect(refused.status).toBe(403);
    }
    const rejectByScientist = await call(
      'POST',
      `/api/v1/operations/commands/${asked.body.id}/reject`,
      'sam',
      {
        reason: 'no',
      },
    );
    expect(rejectByScientist.status).toBe(403);
    const detail = await call('GET', `/api/v1/operations/commands/${asked.body.id}`, 'vera');
    expect(detail.body.command.state).toBe('proposed');
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['requested']);
  });

  it('runs an approved command through jobs.ood, with the whole trail in the audit', async () => {
    const asked = await request('sam', 'set-exposure', { seconds: 2 }, 'exposure-2');
    const again = await request('sam', 'set-exposure', { seconds: 2 }, 'exposure-2');
    expect(again.body.id).toBe('exposure-2'); // idempotent by id
    const approved = await call(
      'POST',
      `/api/v1/operations/commands/${asked.body.id}/approve`,
      'otto',
      {
        comment: 'clear night',
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      approvals: [{ by: 'otto', decision: 'approve' }],
    });
    const { rows } = await station.db.query<{ type: string; params: { commandId: string } }>(
      `SELECT type, params FROM jobs WHERE queue = 'jobs.ood'`,
    );
    expect(rows).toContainEqual({ type: 'run-command', params: { commandId: 'exposure-2' } });
    const audit = await call('GET', '/api/v1/operations/audit?command=exposure-2', 'vera');
    expect(audit.body.entries).toMatchObject([
      {
        action: 'requested',
        actor: 'sam',
        role: 'scientist',
        toState: 'proposed',
        params: { seconds: 2 },
      },
      {
        action: 'approved',
        actor: 'otto',
        role: 'operator',
        fromState: 'proposed',
        toState: 'approved',
      },
    ]);
    const twice = await call(
      'POST',
      `/api/v1/operations/commands/${asked.body.id}/approve`,
      'olga',
      {},
    );
    expect(twice.status).toBe(409);
  });

  it('needs two different operators for a two-approval command, then checks interlocks', async () => {
    const asked = await request('sam', 'calibrate', { lampSeconds: 10 });
    expect(asked.body.approvalsNeeded).toBe(2);
    const path = `/api/v1/operations/commands/${asked.body.id}/approve`;
    expect((await call('POST', path, 'otto', {})).body.state).toBe('proposed');
    const same = await call('POST', path, 'otto', {});
    expect(same.status).toBe(409);
    expect(same.body.error.message).toContain('another operator must approve');
    // The station is not staffed: the second approval meets the interlock.
    const blocked = await call('POST', path, 'olga', {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toEqual({
      code: 'interlock',
      message:
        'blocked by an interlock: only while the station is staffed: zugspitze is not staffed',
    });
    const detail = await call('GET', `/api/v1/operations/commands/${asked.body.id}`, 'vera');
    expect(detail.body.command).toMatchObject({
      state: 'blocked',
      reason: expect.stringContaining('not staffed'),
    });
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual([
      'requested',
      'approved',
      'blocked',
    ]);
  });

  it('records rejection with its reason, and cancelling only by the requester or an operator', async () => {
    const first = await request('sam', 'standby', {});
    const noReason = await call(
      'POST',
      `/api/v1/operations/commands/${first.body.id}/reject`,
      'otto',
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('a rejection needs a reason');
    const rejected = await call(
      'POST',
      `/api/v1/operations/commands/${first.body.id}/reject`,
      'otto',
      {
        reason: 'clouds all night',
      },
    );
    expect(rejected.body).toMatchObject({ state: 'rejected', reason: 'clouds all night' });

    const second = await request('sam', 'standby', {});
    const cancel = (user: string) =>
      call('POST', `/api/v1/operations/commands/${second.body.id}/cancel`, user, {
        reason: 'not needed',
      });
    expect((await cancel('sue')).status).toBe(403);
    expect((await cancel('sam')).body.state).toBe('cancelled');
    expect((await cancel('otto')).status).toBe(409);
  });

  it('refuses bad parameters and unknown commands with a clear 400, storing nothing', async () => {
    const before = await station.db.query('SELECT id FROM commands');
    const bad = await request('sam', 'set-exposure', { seconds: 9000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^set-exposure: seconds: /);
    const unknown = await request('sam', 'self-destruct', {});
    expect(unknown.body.error.message).toContain('has no command "self-destruct"');
    expect(
      (await call('POST', '/api/v1/operations/commands', 'sam', { command: 'x' })).status,
    ).toBe(400);
    expect((await station.db.query('SELECT id FROM commands')).rows).toEqual(before.rows);
  });

  it('never answers 500 to arbitrary request bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const answer = await call('POST', '/api/v1/operations/commands', 'sam', body);
        expect([201, 400, 404, 409]).toContain(answer.status);
      }),
      { numRuns: 40 },
    );
  });

  it('switches automation only for automatic commands and only for operators, audited', async () => {
    const switchOn = (user: string, command: string) =>
      call('PUT', '/api/v1/operations/automations', user, {
        ruleId: 'r1',
        instrument: AIRGLOW,
        command,
        enabled: true,
      });
    expect((await switchOn('sam', 'standby')).status).toBe(403);
    expect((await switchOn('otto', 'set-exposure')).status).toBe(409);
    expect((await switchOn('otto', 'standby')).body).toMatchObject({
      enabled: true,
      changedBy: 'otto',
    });
    const staffed = await call('PUT', '/api/v1/operations/stations/zugspitze/staffed', 'otto', {
      staffed: true,
    });
    expect(staffed.body).toMatchObject({ station: 'zugspitze', staffed: true, changedBy: 'otto' });
    const audit = await call('GET', '/api/v1/operations/audit?actor=otto', 'vera');
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['automation_changed', 'staffed_changed']));
  });

  it('keeps the audit append-only in the database itself (pglite)', async () => {
    await expectAppendOnly(station.db);
  });

  it('exports the audit as CSV and offers no way to change it', async () => {
    const csv = await call('GET', '/api/v1/operations/audit.csv', 'vera');
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,action,actor,role,commandId,instrument,ruleId,fromState,toState,reason,params',
    );
    expect(
      lines.some((l) => l.includes(',rejected,otto,operator,') && l.includes('clouds all night')),
    ).toBe(true);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await call(method, '/api/v1/operations/audit', 'local', {})).status).toBe(404);
      expect((await call(method, '/api/v1/operations/audit/1', 'local', {})).status).toBe(404);
    }
  });
});

async function expectAppendOnly(db: TestStation['db']) {
  await db.query(`INSERT INTO operations_audit (action, actor) VALUES ('requested', 'sam')`);
  const before = (await db.query('SELECT * FROM operations_audit ORDER BY id')).rows;
  await expect(db.query(`UPDATE operations_audit SET actor = 'mallory'`)).rejects.toThrow(
    /append-only/,
  );
  await expect(db.query('DELETE FROM operations_audit')).rejects.toThrow(/append-only/);
  await expect(db.query('TRUNCATE operations_audit')).rejects.toThrow(/append-only/);
  expect((await db.query('SELECT * FROM operations_audit ORDER BY id')).rows).toEqual(before);
}

describe('operations_audit on postgres', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const { db, dispose } = await backends[0]!.open();
    try {
      await expectAppendOnly(db);
    } finally {
      await dispose();
    }
  });
});
