import type { Request } from 'express';
import { USER_NAME_PATTERN } from '../../core/auth/roles';
import type { Identity } from '../auth/identity';
import { AppError, badRequest } from './app-error';

export { LOCAL_USER } from '../auth/identity';

const identities = new WeakMap<Request, Identity>();

/** Called once per request by the authorization middleware (authorize.ts). */
export function setIdentity(req: Request, identity: Identity): void {
  identities.set(req, identity);
}

export function identityOf(req: Request): Identity | undefined {
  return identities.get(req);
}

/**
 * The user a request acts for: owners, visibility and the audit trail use it. The
 * authorization middleware has identified every request of a non-public route (session,
 * or in local mode `X-Firn-User` / the desktop user), so an unidentified request here is a
 * route that skipped it: refuse rather than act for someone.
 */
export function actorOf(req: Request): string {
  const identity = identities.get(req);
  if (!identity) throw new Error(`no identity for ${req.method} ${req.path}: route not authorized`);
  return identity.name;
}

/** The user a path names (`/users/:name/…`), checked to be a user name. */
export function pathUser(req: Request): string {
  const name = String(req.params.name);
  if (!USER_NAME_PATTERN.test(name)) throw badRequest('a user name is letters, digits and . _ @ -');
  return name;
}

/** The same, when only that user may act on it (one's own preferences, layouts). */
export function ownPathUser(req: Request, what: string): string {
  const name = pathUser(req);
  if (name !== actorOf(req)) throw new AppError(403, 'forbidden', `only ${name} may ${what}`);
  return name;
}
