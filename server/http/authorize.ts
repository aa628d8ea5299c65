import type { Request, RequestHandler } from 'express';
import { allows, type RouteAccess } from '../../core/auth/roles';
import type { AuthMode } from '../../core/auth/session';
import type { RouteSpec } from '../../core/auth/route-spec';
import type { Queryable } from '../../infra/db/types';
import { identify } from '../auth/identity';
import { setIdentity } from './actor';
import { AppError, unauthorized } from './app-error';

export interface AccessRule {
  name: string;
  method: string;
  pattern: RegExp;
  access: RouteAccess;
  /** Literal characters of the path: the most specific of several matching routes wins. */
  specificity: number;
}

/** Compiles the route table to method + path pattern → access; Express matches paths case-insensitively, so do we. */
export function accessRules(table: Record<string, RouteSpec>): AccessRule[] {
  return Object.entries(table).map(([name, route]) => ({
    name,
    method: route.method,
    pattern: new RegExp(
      `^${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/]+')}/?$`,
      'i',
    ),
    access: route.role,
    specificity: route.path.replace(/:[a-zA-Z]+/g, '').length,
  }));
}

export function ruleFor(rules: readonly AccessRule[], method: string, path: string) {
  const wanted = method === 'HEAD' ? 'GET' : method;
  let best: AccessRule | undefined;
  for (const rule of rules) {
    if (rule.method !== wanted || !rule.pattern.test(path)) continue;
    if (!best || rule.specificity > best.specificity) best = rule;
  }
  return best;
}

const isApiPath = (path: string) => /^\/(api|metrics)(\/|$)/i.test(path);

/**
 * The one authorization point, installed before every router. A request to /api that no
 * route of the table describes is refused with 404 before any handler runs, so a route
 * registered in Express but missing from the table can never be reached unchecked.
 */
export function authorize(
  deps: { db: Queryable; authMode: AuthMode },
  table: Record<string, RouteSpec>,
): RequestHandler {
  const rules = accessRules(table);
  return (req, _res, next) => {
    if (!isApiPath(req.path)) return next();
    const rule = ruleFor(rules, req.method, req.path);
    if (!rule) throw new AppError(404, 'not_found', `no route for ${req.method} ${req.path}`);
    if (rule.access === 'public' || rule.access === 'station-token') return next();
    const required = rule.access;
    return identify(deps.db, deps.authMode, credentialsOf(req)).then((identity) => {
      if (!identity)
        throw unauthorized('sign in first: this needs a session (POST /api/v1/session)');
      if (!allows(identity.role, required)) {
        throw new AppError(
          403,
          'forbidden',
          `this needs the ${required} role; ${identity.name} is ${identity.role}`,
        );
      }
      setIdentity(req, identity);
      next();
    });
  };
}

export function credentialsOf(req: Request) {
  return { cookie: req.get('cookie'), userHeader: req.get('x-firn-user') };
}
