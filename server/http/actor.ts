import type { Request } from 'express';

/** Who the local desk is when nobody says otherwise. */
export const LOCAL_USER = 'local';
const USER_NAME = /^[A-Za-z0-9._@-]{1,200}$/;

/**
 * The user a request acts for. The control room binds loopback and has no sign-in yet, so
 * the app names its user in `X-Firn-User`; owners, visibility and the audit trail are kept
 * per user already, and sign-in with roles will fill this from a session instead.
 */
export function actorOf(req: Request): string {
  const header = req.get('x-firn-user');
  return header && USER_NAME.test(header) ? header : LOCAL_USER;
}
