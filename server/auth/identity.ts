import { USER_NAME_PATTERN, type Role } from '../../core/auth/roles';
import type { AuthMode } from '../../core/auth/session';
import type { Queryable } from '../../infra/db/types';
import { AppError } from '../http/app-error';
import { cookieValue, SESSION_COOKIE } from './cookies';
import { resolveSession } from './sessions';
import { findUser } from './user-repository';

/** The local desktop user of a laptop install: its admin. */
export const LOCAL_USER = 'local';

export interface Identity {
  name: string;
  role: Role;
  /** Set when the identity comes from a signed-in session. */
  sessionId?: string;
}

/** What identifying a request reads of it (HTTP request or WebSocket upgrade alike). */
export interface Credentials {
  cookie: string | undefined;
  userHeader: string | undefined;
}

/**
 * Who a request acts for. A valid session cookie wins in both modes. Without one, required
 * mode knows nobody; local mode (loopback only) trusts the desk: `X-Firn-User` names the
 * user, whose role comes from the users table (unknown names are scientists), and no
 * header means the desktop user `local`, an admin. Anyone who can reach a loopback port
 * already runs code as the desk's owner, which is why this is acceptable there only.
 */
export async function identify(
  db: Queryable,
  mode: AuthMode,
  credentials: Credentials,
): Promise<Identity | undefined> {
  const session = cookieValue(credentials.cookie, SESSION_COOKIE);
  const signedIn = session ? await resolveSession(db, session) : undefined;
  if (signedIn) return signedIn;
  if (mode === 'required') return undefined;
  const header = credentials.userHeader;
  const name = header && USER_NAME_PATTERN.test(header) ? header : LOCAL_USER;
  const user = await findUser(db, name);
  if (user?.disabled) throw new AppError(403, 'forbidden', `user "${name}" is disabled`);
  if (user) return { name, role: user.role };
  return { name, role: name === LOCAL_USER ? 'admin' : 'scientist' };
}
