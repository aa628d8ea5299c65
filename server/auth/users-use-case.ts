import type { Role } from '../../core/auth/roles';
import type { Database } from '../../infra/db/types';
import { AppError, notFound } from '../http/app-error';
import { hashPassword } from './passwords';
import { revokeSessionsOf } from './sessions';
import { insertUser, updateUser, type UserSummary } from './user-repository';

export async function createUser(
  db: Database,
  user: { name: string; role: Role; password: string },
): Promise<UserSummary> {
  const password = await hashPassword(user.password);
  if (!(await insertUser(db, { name: user.name, role: user.role, password }))) {
    throw new AppError(409, 'conflict', `user "${user.name}" exists already`);
  }
  const created = await updateUser(db, user.name, {});
  if (!created) throw notFound(`user "${user.name}"`);
  return created;
}

/**
 * Changes a user's role, password or disabled flag. Each change signs the user out
 * everywhere, so a session never carries a role or password that no longer holds.
 */
export async function changeUser(
  db: Database,
  name: string,
  change: { role?: Role; password?: string; disabled?: boolean },
): Promise<UserSummary> {
  const password = change.password === undefined ? undefined : await hashPassword(change.password);
  const updated = await db.transaction(async (tx) => {
    const user = await updateUser(tx, name, { ...change, password });
    if (user) await revokeSessionsOf(tx, name);
    return user;
  });
  if (!updated) throw notFound(`user "${name}"`);
  return updated;
}
