import { ROLES, type Role } from '../../core/auth/roles';
import type { Database } from '../../infra/db/types';
import { openSession } from '../../server/auth/sessions';
import { createUser } from '../../server/auth/users-use-case';

/** The password of every seeded test user (long enough for the password rule). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** One user per role, named after it (`viewer-user`, …, `admin-user`). */
export async function seedRoleUsers(db: Database): Promise<Record<Role, string>> {
  const names = {} as Record<Role, string>;
  for (const role of ROLES) {
    names[role] = `${role}-user`;
    await createUser(db, { name: names[role], role, password: TEST_PASSWORD });
  }
  return names;
}

/**
 * A session cookie header for a user, opened directly (no scrypt per request), so a test
 * can use a fresh session for each request and a sign-out never affects the next one.
 */
export async function sessionCookie(db: Database, user: string, ttlMs = 3_600_000) {
  return `firn_session=${await openSession(db, user, ttlMs)}`;
}
