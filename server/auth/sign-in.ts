import type { SessionUser } from '../../core/auth/session';
import type { Queryable } from '../../infra/db/types';
import { AppError, unauthorized } from '../http/app-error';
import { UNMATCHABLE, verifyPassword } from './passwords';
import { openSession } from './sessions';
import type { SignInThrottle } from './sign-in-throttle';
import { findUser } from './user-repository';

export interface SignInDeps {
  db: Queryable;
  throttle: SignInThrottle;
  sessionTtlMs: number;
}

/**
 * Checks a name and password and opens a session. Failures are counted per user and per
 * client address; one answer for unknown user, wrong password and disabled user, so a
 * guesser learns nothing about who exists.
 */
export async function signIn(
  deps: SignInDeps,
  request: { name: string; password: string; address: string },
): Promise<{ cookie: string; user: SessionUser }> {
  const keys = [`user:${request.name}`, `address:${request.address}`];
  const wait = deps.throttle.waitSeconds(keys);
  if (wait > 0) {
    throw new AppError(
      429,
      'too_many_requests',
      `too many failed sign-ins; try again in ${wait} s`,
    );
  }
  const user = await findUser(deps.db, request.name);
  const matches = await verifyPassword(request.password, user?.password ?? UNMATCHABLE);
  if (!user || !matches || user.disabled) {
    deps.throttle.fail(keys);
    throw unauthorized('wrong user name or password');
  }
  deps.throttle.succeed(keys[0] as string);
  const cookie = await openSession(deps.db, user.name, deps.sessionTtlMs);
  return { cookie, user: { name: user.name, role: user.role } };
}
