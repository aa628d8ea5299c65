import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { seedRoleUsers, TEST_PASSWORD } from '../../tests/support/users';

describe.each(backends)('sign-in and sessions (required mode) on $name', (backend) => {
  let station: TestStation;
  const logLines: string[] = [];
  const answers: string[] = [];
  const call = async (method: string, path: string, init: { body?: unknown; cookie?: string }) => {
    const response = await fetch(`${station.server.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    answers.push(text, response.headers.get('set-cookie') ?? '');
    return { status: response.status, text, headers: response.headers };
  };
  const signIn = async (name: string, password = TEST_PASSWORD) => {
    const answer = await call('POST', '/api/v1/session', { body: { name, password } });
    const cookie = answer.headers.get('set-cookie')?.split(';')[0] ?? '';
    return { ...answer, cookie };
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'trace' }, sink);
    station = await startTestStation(backend, { auth: { mode: 'required' }, logger });
    await seedRoleUsers(station.db);
  });
  afterAll(() => station?.close());

  it('signs in with an HttpOnly, SameSite=Strict cookie, answers who am I, signs out', async () => {
    expect((await call('GET', '/api/v1/rules', {})).status).toBe(401);
    const signedIn = await signIn('operator-user');
    expect(signedIn.status).toBe(200);
    expect(JSON.parse(signedIn.text)).toEqual({ name: 'operator-user', role: 'operator' });
    expect(signedIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const me = await call('GET', '/api/v1/session', { cookie: signedIn.cookie });
    expect(JSON.parse(me.text)).toEqual({
      mode: 'required',
      user: { name: 'operator-user', role: 'operator' },
    });
    expect((await call('GET', '/api/v1/rules', { cookie: signedIn.cookie })).status).toBe(200);
    expect((await call('DELETE', '/api/v1/session', { cookie: signedIn.cookie })).status).toBe(204);
    const revoked = await call('GET', '/api/v1/rules', { cookie: signedIn.cookie });
    expect(revoked.status).toBe(401);
    expect(JSON.parse(revoked.text).error.message).toMatch(/sign in/);
  });

  it('refuses a wrong password, then expired sessions and disabled users', async () => {
    expect((await signIn('viewer-user', 'not the password at all')).status).toBe(401);
    expect((await signIn('no-such-user')).status).toBe(401);
    const expiring = await signIn('viewer-user');
    await station.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_name = 'viewer-user'`,
    );
    expect((await call('GET', '/api/v1/rules', { cookie: expiring.cookie })).status).toBe(401);

    const scientist = await signIn('scientist-user');
    const admin = await signIn('admin-user');
    const disable = { body: { disabled: true }, cookie: admin.cookie };
    const disabled = await call('PUT', '/api/v1/users/scientist-user/disabled', disable);
    expect(JSON.parse(disabled.text)).toMatchObject({ name: 'scientist-user', disabled: true });
    expect((await call('GET', '/api/v1/rules', { cookie: scientist.cookie })).status).toBe(401);
    expect((await signIn('scientist-user')).status).toBe(401);
  });

  it('slows a guesser down with a clear 429', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('admin-user', `guess number ${i}`)).status).toBe(401);
    const limited = await signIn('admin-user');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after') ?? JSON.parse(limited.text).error.message).toMatch(
      /\d/,
    );
  });

  it('lets only a signed-in viewer open the live socket', async () => {
    const url = station.server.url.replace(/^http/, 'ws') + '/api/v1/live';
    const opens = (cookie?: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
        ws.on('open', () => (ws.close(), resolve(true)));
        ws.on('error', () => resolve(false));
      });
    expect(await opens()).toBe(false);
    expect(await opens((await signIn('operator-user')).cookie)).toBe(true);
  });

  it('never shows a password, its hash or a session hash in an answer or a log line', async () => {
    const { rows: users } = await station.db.query<{ salt: string; hash: string }>(
      'SELECT password_salt AS salt, password_hash AS hash FROM users',
    );
    const { rows: sessions } = await station.db.query<{ hash: string }>(
      'SELECT secret_sha256 AS hash FROM sessions',
    );
    const secrets = [
      TEST_PASSWORD,
      ...users.flatMap((u) => [u.salt, u.hash]),
      ...sessions.map((s) => s.hash),
    ];
    expect(secrets.length).toBeGreaterThan(8);
    expect(logLines.some((line) => line.includes('signed in'))).toBe(true);
    const list = await call('GET', '/api/v1/users', {
      cookie: (await signIn('operator-user')).cookie,
    });
    expect(list.status).toBe(403);
    for (const secret of secrets) {
      for (const text of [...answers, ...logLines]) expect(text).not.toContain(secret);
    }
    // Session secrets travel only in Set-Cookie answers, never in the log.
    const secretsSent = answers
      .map((a) => /^firn_session=[^.;]+\.([^;]+)/.exec(a)?.[1])
      .filter((secret): secret is string => secret !== undefined);
    expect(secretsSent.length).toBeGreaterThan(3);
    for (const secret of secretsSent) {
      for (const line of logLines) expect(line).not.toContain(secret);
    }
  });
});
