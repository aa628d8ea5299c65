import type { Request } from 'express';
import type { Identity } from '../auth/identity';

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
