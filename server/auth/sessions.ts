import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../core/auth/roles';
import type { Queryable } from '../../infra/db/types';

/** `<id>.<secret>`: the id finds the row, the secret proves the holder; only its SHA-256 is kept. */
const SESSION_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
/** last_seen is written at most this often per session, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export interface SessionIdentity {
  sessionId: string;
  name: string;
  role: Role;
}

/** Opens a session for a user; returns the cookie value, shown to nobody but the client. */
export async function openSession(db: Queryable, user: string, ttlMs: number): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id, secret_sha256, user_name, expires_at) VALUES ($1, $2, $3, $4)`,
    [id, sha256(secret), user, new Date(Date.now() + ttlMs)],
  );
  return `${id}.${secret}`;
}

/**
 * The signed-in user of a cookie value, or undefined when it is malformed, unknown,
 * expired, revoked, or its user is disabled.
 */
export async function resolveSession(
  db: Queryable,
  cookieValue: string,
): Promise<SessionIdentity | undefined> {
  const match = SESSION_PATTERN.exec(cookieValue);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const { rows } = await db.query<{ hash: string; name: string; role: Role; seen: Date | string }>(
    `SELECT s.secret_sha256 AS hash, u.name, u.role, s.last_seen AS seen
     FROM sessions s JOIN users u ON u.name = s.user_name
     WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const expected = Buffer.from(row.hash);
  const actual = Buffer.from(sha256(secret));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  if (Date.now() - new Date(row.seen).getTime() > LAST_SEEN_EVERY_MS) {
    await db.query('UPDATE sessions SET last_seen = now() WHERE id = $1', [id]);
  }
  return { sessionId: id, name: row.name, role: row.role };
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    sessionId,
  ]);
}

/** Signs a user out everywhere (password reset, role change, disabled). */
export async function revokeSessionsOf(db: Queryable, user: string): Promise<void> {
  await db.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_name = $1 AND revoked_at IS NULL',
    [user],
  );
}
