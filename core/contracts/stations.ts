import { z } from 'zod';

/**
 * GET /api/v1/stations/status: every station, its instruments and their datastreams with
 * how fresh, how regular and how complete their data is. Spread into the route table.
 */

/** Late once the last value is older than this many expected cadences. */
export const LATE_FACTOR = 3;
/** Silent once it is older than this many: the station has stopped sending, not stumbled. */
export const SILENT_FACTOR = 10;
/**
 * A step between two observations wider than this many cadences is a gap: the same factor
 * the Live plot breaks its line at (core/series/gaps.ts), so both pages count the same gaps.
 */
export const GAP_FACTOR = 2.5;

export const DATASTREAM_STATES = ['ok', 'late', 'silent', 'no-data', 'unknown'] as const;
export type DatastreamState = (typeof DATASTREAM_STATES)[number];

export const datastreamStatusSchema = z.object({
  key: z.string(),
  variable: z.string(),
  unit: z.string(),
  /** The cadence the age is judged against: the catalog's, else estimated from the data. */
  cadenceSeconds: z.number().positive().nullable(),
  cadenceSource: z.enum(['metadata', 'estimated', 'unknown']),
  lastTime: z.string().nullable(),
  lastValue: z.number().nullable(),
  /** Age of the last value when the answer was made (seconds). */
  ageSeconds: z.number().nullable(),
  state: z.enum(DATASTREAM_STATES),
  /** Observations per hour over the last hour (or over the examined window when shorter). */
  ratePerHour: z.number().nonnegative(),
  /** Gaps between consecutive observations inside the examined window. */
  gaps: z.object({
    count: z.number().int().nonnegative(),
    longestSeconds: z.number().nonnegative().nullable(),
  }),
  /** Observations examined (at most the server's per-datastream cap). */
  examined: z.number().int().nonnegative(),
  /** Where the examined window starts: 24 h back, later when the cap was reached. */
  windowStart: z.string(),
});
export type DatastreamStatus = z.infer<typeof datastreamStatusSchema>;

export const instrumentStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  datastreams: z.array(datastreamStatusSchema),
});
export type InstrumentStatus = z.infer<typeof instrumentStatusSchema>;

export const stationStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The worst state of its datastreams (no-data and unknown rank below late). */
  state: z.enum(DATASTREAM_STATES),
  /** Open quarantined rows attributed to this station (by ingest token or row key). */
  quarantinedOpen: z.number().int().nonnegative(),
  instruments: z.array(instrumentStatusSchema),
});
export type StationStatus = z.infer<typeof stationStatusSchema>;

export const stationsStatusResponseSchema = z.object({
  generatedAt: z.string(),
  windowHours: z.number().positive(),
  lateFactor: z.number().positive(),
  silentFactor: z.number().positive(),
  stations: z.array(stationStatusSchema),
  quarantine: z.object({
    /** All open rows (up to the counting cap). */
    open: z.number().int().nonnegative(),
    /** Open rows no station could be found for (a CLI import of a file without keys). */
    unattributed: z.number().int().nonnegative(),
    /** True when there are more open rows than were counted. */
    capped: z.boolean(),
  }),
});
export type StationsStatusResponse = z.infer<typeof stationsStatusResponseSchema>;

/** How a datastream stands, from the age of its last value against its cadence. */
export function datastreamState(
  ageSeconds: number | null,
  cadenceSeconds: number | null,
): DatastreamState {
  if (ageSeconds === null) return 'no-data';
  if (cadenceSeconds === null) return 'unknown';
  if (ageSeconds > SILENT_FACTOR * cadenceSeconds) return 'silent';
  if (ageSeconds > LATE_FACTOR * cadenceSeconds) return 'late';
  return 'ok';
}

/** Severity order for summarising a station: the worst datastream with data decides. */
const SEVERITY: Record<DatastreamState, number> = {
  ok: 0,
  'no-data': 1,
  unknown: 2,
  late: 3,
  silent: 4,
};

export function worstState(states: readonly DatastreamState[]): DatastreamState {
  // A station feeding one instrument and not another (hourly files never imported) is
  // judged by what it sends; no-data only when nothing has ever come.
  const withData = states.filter((state) => state !== 'no-data');
  if (withData.length === 0) return 'no-data';
  return withData.reduce<DatastreamState>(
    (worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst),
    'ok',
  );
}

export const stationRoutes = {
  stationsStatus: {
    method: 'GET',
    path: '/api/v1/stations/status',
    role: 'viewer',
    response: stationsStatusResponseSchema,
  },
} as const;
