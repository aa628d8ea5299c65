import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../core/auth/route-spec';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { createLogger } from '../../infra/logger';
import { backends } from '../../tests/support/backends';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { DatastreamCache } from '../ingest/datastream-cache';
import { RateLimiter } from '../ingest/rate-limiter';
import { TokenVerifier } from '../tokens/token-service';
import { createApp } from './app';
import { accessRules, ruleFor } from './authorize';
import { Metrics } from './metrics';

// Walks the Express router stack of the real app: every route registered under /api (and
// /metrics) must be an entry of the route table, method and path alike, or the central
// authorization would refuse it (404) and its role would be nobody's decision.

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function registeredRoutes(stack: Layer[]): { method: string; path: string }[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = String(layer.route.path);
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => ({ method: m.toUpperCase(), path }));
    }
    return layer.handle?.stack ? registeredRoutes(layer.handle.stack) : [];
  });
}

describe('the route table covers every route of the app', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const pglite = backends.find((b) => b.name === 'pglite');
    ({ db, dispose } = await (pglite ?? backends[0]!).open());
  });
  afterAll(() => dispose?.());

  it('finds each registered /api route in the table with the same method', () => {
    const app = createApp({
      db,
      logger: createLogger('silent'),
      allowedHosts: [],
      staticDir: undefined,
      metrics: new Metrics(async () => 0),
      version: 'test',
      busState: async () => ({ kind: 'none', ok: true }),
      datastreams: new DatastreamCache(db),
      tokens: new TokenVerifier(db),
      limits: { maxBytes: 1024, maxRows: 10 },
      rateLimiter: new RateLimiter(0),
      onStored: () => {},
      auth: { authMode: 'required', sessionTtlMs: 60_000, signInThrottle: new SignInThrottle() },
    });
    const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
    const registered = registeredRoutes(stack).filter((r) => /^\/(api|metrics)\b/.test(r.path));
    expect(registered.length).toBeGreaterThan(20);
    const table = Object.values(routes as Record<string, RouteSpec>);
    const missing = registered.filter(
      (r) => !table.some((t) => t.path === r.path && t.method === r.method),
    );
    expect(missing, 'routes registered in Express but missing from the route table').toEqual([]);
  });

  it('matches each table route to itself, in any letter case', () => {
    const rules = accessRules(routes as Record<string, RouteSpec>);
    for (const [name, route] of Object.entries(routes as Record<string, RouteSpec>)) {
      const path = route.path.replace(/:[a-zA-Z]+/g, 'some-id');
      const rule = ruleFor(rules, route.method, path);
      expect(rule, `${route.method} ${path}`).toBeDefined();
      // A parameter never captures a literal route (`/rules/some-id` is not `/rules/backtest`).
      expect(rule?.name, `${route.method} ${path}`).toBe(name);
      // Express matches paths case-insensitively; so must the authorization.
      expect(ruleFor(rules, route.method, path.toUpperCase())?.access).toBe(rule?.access);
    }
  });
});
