import { z } from 'zod';
import { datastreamSchema, stationSchema } from '../domain/station';
import type { RouteSpec } from '../auth/route-spec';
import { authRoutes } from '../auth/routes';
import { notificationPreferencesSchema } from './preferences';
import { simulationResultSchema } from './simulation-result';
import { operationsRoutes } from './operations';
import { bookingRoutes } from './bookings';
import { scheduleRoutes } from '../schedules/routes';
import { reportRoutes } from '../reports/routes';
import { deliveryRoutes } from './notify';
import { uploadRoutes } from './uploads';
import { layoutRoutes } from './layouts';
import { stationRoutes } from './stations';

/** Answer to POST /api/v1/observations (public contract, extended by `duplicates`). */
export const ingestResponseSchema = z.object({
  accepted: z.number().int().nonnegative(),
  /** Accepted rows that were already stored (a re-sent batch): acknowledged, not stored twice. */
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(z.object({ index: z.number().int().nonnegative(), error: z.string() })),
});
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const seriesQuerySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  maxPoints: z.coerce.number().int().min(5).max(100_000).optional(),
});

/** Columnar series: `t` epoch ms, `v` values; `null` in `v` marks a gap. */
export const seriesResponseSchema = z.object({
  datastream: z.string(),
  unit: z.string(),
  cadenceSeconds: z.number().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Number of stored observations in the range, before decimation. */
  count: z.number().int().nonnegative(),
  decimated: z.boolean(),
  t: z.array(z.number()),
  v: z.array(z.number().nullable()),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

export const datastreamSummarySchema = datastreamSchema.extend({
  lastTime: z.string().nullable(),
  lastValue: z.number().nullable(),
  count: z.number().int().nonnegative(),
});
export type DatastreamSummary = z.infer<typeof datastreamSummarySchema>;

export const datastreamListSchema = z.object({ datastreams: z.array(datastreamSummarySchema) });
export const stationListSchema = z.object({ stations: z.array(stationSchema) });

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    ok: z.boolean(),
    kind: z.enum(['postgres', 'pglite']),
    error: z.string().optional(),
  }),
  bus: z.object({
    ok: z.boolean(),
    kind: z.enum(['none', 'embedded', 'kafka']),
    error: z.string().optional(),
  }),
  outbox: z.object({ backlog: z.number().int(), oldestAgeSeconds: z.number().nullable() }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Body of POST /api/v1/rules/backtest: a rule (saved or not) and a time range. */
export const backtestRequestSchema = z.object({
  rule: z.unknown(),
  from: z.string(),
  to: z.string(),
});

/** Answer of a backtest: what the live analyzer would have produced over the range. */
export const backtestResponseSchema = z.object({
  alerts: z.array(z.record(z.string(), z.unknown())),
  jobs: z.array(z.record(z.string(), z.unknown())),
  events: z.number().int(),
  observations: z.number().int(),
  elapsedMs: z.number(),
});
export type BacktestResponse = z.infer<typeof backtestResponseSchema>;

/** A stored rule: the document as its author wrote it, and its bookkeeping. */
export const storedRuleSchema = z.object({
  id: z.string(),
  owner: z.string(),
  visibility: z.enum(['private', 'station', 'everyone']),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  document: z.record(z.string(), z.unknown()),
});
export const ruleListSchema = z.object({ rules: z.array(storedRuleSchema) });
export const ruleVersionListSchema = z.object({
  versions: z.array(
    z.object({
      version: z.number().int(),
      document: z.record(z.string(), z.unknown()),
      changedBy: z.string(),
      change: z.string(),
      at: z.string(),
    }),
  ),
});

export const alertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  status: z.enum(['pending', 'firing', 'resolved', 'cancelled']),
  startMs: z.number(),
  firingMs: z.number().nullable(),
  resolvedMs: z.number().nullable(),
  flapping: z.boolean(),
  backfill: z.boolean(),
  acknowledged: z.object({ by: z.string(), atMs: z.number(), comment: z.string() }).nullable(),
  shelvedUntilMs: z.number().nullable(),
  values: z.record(z.string(), z.number().nullable()),
});
export const alertListSchema = z.object({ alerts: z.array(alertSchema) });
export const alertDetailSchema = z.object({
  alert: alertSchema,
  events: z.array(z.record(z.string(), z.unknown())),
});
export const alertsQuerySchema = z.object({
  rule: z.string().max(64).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const acknowledgeRequestSchema = z.object({ comment: z.string().trim().min(1).max(2000) });
/** Shelve until a time, for a duration (`2h`), or `{"until": null}` to take it off the shelf. */
export const shelveRequestSchema = z.union([
  z.object({ until: z.iso.datetime({ offset: true }).nullable() }),
  z.object({ for: z.string().regex(/^\d+(\.\d+)?(s|m|h|d)$/, 'a duration like 30m, 2h or 1d') }),
]);

/** A job asked for by hand ("run a back-trajectory for this time range"). */
export const manualJobRequestSchema = z.object({
  queue: z.enum(['jobs.cod', 'jobs.sod', 'jobs.ood']),
  type: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a job type is lower-case words joined by -'),
  params: z.record(z.string(), z.unknown()),
});
export const submittedJobSchema = z.object({ id: z.string(), state: z.string() });

/**
 * The route table: every HTTP route once, so server and renderer derive paths and
 * response types from the same source.
 */
export const routes = {
  ingest: {
    method: 'POST',
    path: '/api/v1/observations',
    role: 'station-token',
    response: ingestResponseSchema,
  },
  series: {
    method: 'GET',
    path: '/api/v1/datastreams/:key/observations',
    role: 'viewer',
    query: seriesQuerySchema,
    response: seriesResponseSchema,
  },
  datastreams: {
    method: 'GET',
    path: '/api/v1/datastreams',
    role: 'viewer',
    response: datastreamListSchema,
  },
  stations: {
    method: 'GET',
    path: '/api/v1/stations',
    role: 'viewer',
    response: stationListSchema,
  },
  health: { method: 'GET', path: '/api/health', role: 'public', response: healthResponseSchema },
  metrics: { method: 'GET', path: '/metrics', role: 'public' },
  openapi: { method: 'GET', path: '/api/openapi.json', role: 'public' },
  live: { method: 'GET', path: '/api/v1/live', role: 'viewer' },
  backtest: {
    method: 'POST',
    path: '/api/v1/rules/backtest',
    role: 'scientist',
    response: backtestResponseSchema,
  },
  rules: { method: 'GET', path: '/api/v1/rules', role: 'viewer', response: ruleListSchema },
  createRule: {
    method: 'POST',
    path: '/api/v1/rules',
    role: 'scientist',
    response: storedRuleSchema,
  },
  rule: { method: 'GET', path: '/api/v1/rules/:id', role: 'viewer', response: storedRuleSchema },
  updateRule: {
    method: 'PUT',
    path: '/api/v1/rules/:id',
    role: 'scientist',
    response: storedRuleSchema,
  },
  deleteRule: { method: 'DELETE', path: '/api/v1/rules/:id', role: 'scientist' },
  ruleVersions: {
    method: 'GET',
    path: '/api/v1/rules/:id/versions',
    role: 'viewer',
    response: ruleVersionListSchema,
  },
  alerts: {
    method: 'GET',
    path: '/api/v1/alerts',
    role: 'viewer',
    query: alertsQuerySchema,
    response: alertListSchema,
  },
  alert: { method: 'GET', path: '/api/v1/alerts/:id', role: 'viewer', response: alertDetailSchema },
  acknowledgeAlert: {
    method: 'POST',
    path: '/api/v1/alerts/:id/acknowledge',
    role: 'scientist',
    body: acknowledgeRequestSchema,
    response: alertSchema,
  },
  shelveAlert: {
    method: 'POST',
    path: '/api/v1/alerts/:id/shelve',
    role: 'scientist',
    body: shelveRequestSchema,
    response: alertSchema,
  },
  preferences: {
    method: 'GET',
    path: '/api/v1/users/:name/preferences',
    role: 'viewer',
    response: notificationPreferencesSchema,
  },
  setPreferences: {
    method: 'PUT',
    path: '/api/v1/users/:name/preferences',
    role: 'scientist',
    body: notificationPreferencesSchema,
    response: notificationPreferencesSchema,
  },
  jobs: { method: 'GET', path: '/api/v1/jobs', role: 'viewer' },
  submitJob: {
    method: 'POST',
    path: '/api/v1/jobs',
    role: 'scientist',
    body: manualJobRequestSchema,
    response: submittedJobSchema,
  },
  cancelJob: { method: 'POST', path: '/api/v1/jobs/:id/cancel', role: 'scientist' },
  job: { method: 'GET', path: '/api/v1/jobs/:id', role: 'viewer' },
  /** The result file of a simulation job (footprint, trajectories), streamed as stored. */
  jobResult: {
    method: 'GET',
    path: '/api/v1/jobs/:id/result',
    role: 'viewer',
    response: simulationResultSchema,
  },
  ...operationsRoutes,
  ...bookingRoutes,
  ...authRoutes,
  ...scheduleRoutes,
  ...deliveryRoutes,
  ...reportRoutes,
  ...uploadRoutes,
  ...layoutRoutes,
  ...stationRoutes,
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;

/** Fills `:param` placeholders of a route path, URL-encoding each value. */
export function routePath(name: RouteName, params: Record<string, string> = {}): string {
  return routes[name].path.replace(/:([a-zA-Z]+)/g, (_, param: string) => {
    const value = params[param];
    if (value === undefined) throw new Error(`route ${name} needs parameter ${param}`);
    return encodeURIComponent(value);
  });
}
