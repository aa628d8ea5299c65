import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { seedRoleUsers } from '../../tests/support/users';

// Local mode (a laptop on loopback): no session needed. The desktop user `local` is the
// admin; `X-Firn-User` names another user, whose role comes from the users table.
const pglite = backends.find((b) => b.name === 'pglite');
if (!pglite) throw new Error('no pglite backend');

describe('local mode', () => {
  let station: TestStation;
  const whoAmI = async (user?: string) => {
    const response = await fetch(`${station.server.url}/api/v1/session`, {
      headers: user ? { 'x-firn-user': user } : {},
    });
    return (await response.json()) as { mode: string; user: { name: string; role: string } };
  };
  const listUsers = (user: string) =>
    fetch(`${station.server.url}/api/v1/users`, { headers: { 'x-firn-user': user } });

  beforeAll(async () => {
    station = await startTestStation(pglite);
    await seedRoleUsers(station.db);
  });
  afterAll(() => station?.close());

  it('acts as the local admin without a header, and as the named user with one', async () => {
    expect(await whoAmI()).toEqual({ mode: 'local', user: { name: 'local', role: 'admin' } });
    expect((await whoAmI('viewer-user')).user).toEqual({ name: 'viewer-user', role: 'viewer' });
    expect((await whoAmI('somebody-new')).user.role).toBe('scientist');
    expect((await fetch(`${station.server.url}/api/v1/users`)).status).toBe(200);
  });

  it('refuses what the named user may not do, naming the role needed', async () => {
    const refused = await listUsers('operator-user');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('needs the admin role');
    expect((await listUsers('admin-user')).status).toBe(200);
    const rule = await fetch(`${station.server.url}/api/v1/rules`, {
      method: 'POST',
      headers: { 'x-firn-user': 'viewer-user', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(rule.status).toBe(403);
  });

  it('refuses a disabled user', async () => {
    await station.db.query(`UPDATE users SET disabled = true WHERE name = 'scientist-user'`);
    expect((await listUsers('scientist-user')).status).toBe(403);
  });
});
