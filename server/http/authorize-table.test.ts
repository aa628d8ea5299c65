import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, ROLES, type Role } from '../../core/auth/roles';
import type { RouteSpec } from '../../core/auth/route-spec';
import { routes } from '../../core/contracts/http';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { seedRoleUsers, sessionCookie } from '../../tests/support/users';

// Every route of the table × every role and signed-out, in required mode: 401/403 exactly
// where the table says, and neither elsewhere. Routes added to the table are covered
// without touching this file. Bodies are `{}`, which most routes refuse with 400 — but only
// after authorization, which is what a 401/403 instead of that 400 shows.

const pglite = backends.find((b) => b.name === 'pglite');
if (!pglite) throw new Error('no pglite backend');

type Caller = Role | 'signed-out';
const CALLERS: Caller[] = ['signed-out', ...ROLES];

function probePath(route: RouteSpec, user: string): string {
  // `:name` is the caller itself, so "only you may change your own preferences" checks pass.
  return route.path.replace(/:([a-zA-Z]+)/g, (_, param: string) =>
    param === 'name' ? user : 'authz-probe',
  );
}

function expectation(access: RouteSpec['role'], caller: Caller): 'open' | 401 | 403 {
  if (access === 'public') return 'open';
  if (access === 'station-token') return 401; // a session is not an ingest token
  if (caller === 'signed-out') return 401;
  return allows(caller, access) ? 'open' : 403;
}

describe('role checks on every route (required mode)', () => {
  let station: TestStation;
  let users: Record<Role, string>;

  beforeAll(async () => {
    station = await startTestStation(pglite, { auth: { mode: 'required' } });
    users = await seedRoleUsers(station.db);
  });
  afterAll(() => station?.close());

  const table = Object.entries(routes as Record<string, RouteSpec>);
  it.each(table)('%s answers 401/403 exactly as its role says', async (name, route) => {
    const seen: string[] = [];
    for (const caller of CALLERS) {
      const user = caller === 'signed-out' ? 'nobody' : users[caller];
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (caller !== 'signed-out') headers.cookie = await sessionCookie(station.db, user);
      // Ignored in required mode: naming the admin must not make anyone an admin.
      headers['x-firn-user'] = 'local';
      const response = await fetch(`${station.server.url}${probePath(route, user)}`, {
        method: route.method,
        headers,
        body: route.method === 'GET' ? undefined : '{}',
      });
      const text = await response.text();
      const expected = expectation(route.role, caller);
      const status = response.status;
      if (expected === 'open') {
        expect([401, 403], `${name} as ${caller}: ${text}`).not.toContain(status);
      } else {
        expect(status, `${name} as ${caller}: ${text}`).toBe(expected);
        if (expected === 403) expect(text).toContain(`needs the ${route.role} role`);
      }
      // 503 is a fair answer (no bus in this station); 500 never is.
      expect(status, `${name} as ${caller}: ${text}`).not.toBe(500);
      seen.push(`${caller}:${status}`);
    }
    expect(seen).toHaveLength(CALLERS.length);
  });
});
