import { GAP_FACTOR } from '../../core/contracts/stations';
import type { Queryable } from '../../infra/db/types';

/** One datastream's raw figures, before they are judged (station-status-use-case.ts). */
export interface DatastreamFigures {
  key: string;
  station: string;
  instrument: string;
  instrumentName: string;
  stationName: string;
  variable: string;
  unit: string;
  catalogCadence: number | null;
  /** Median step of its last observations, whenever they were (seconds). */
  estimatedCadence: number | null;
  lastTimeMs: number | null;
  lastValue: number | null;
  examined: number;
  inLastHour: number;
  oldestExaminedMs: number | null;
  gapCount: number;
  longestGap: number | null;
}

export interface FiguresQuery {
  nowMs: number;
  windowMs: number;
  /** Observations examined per datastream at most: a 50 Hz stream must not cost 4 M rows. */
  maxRows: number;
  /** Steps used to estimate a cadence the catalog does not give. */
  cadenceSample: number;
}

// Every lateral subquery walks the (datastream_id, time) primary key backwards from now and
// stops at the window's start or the row cap, so the cost is bounded by datastreams × cap,
// not by the size of the observations table. The window function finds the steps between
// consecutive observations; a step wider than GAP_FACTOR cadences is a gap.
const FIGURES_SQL = `
SELECT d.key, d.station_id AS station, d.instrument_id AS instrument, i.name AS "instrumentName",
  s.name AS "stationName", d.variable, d.unit, d.cadence_seconds AS "catalogCadence",
  est.step AS "estimatedCadence", last.time_ms AS "lastTimeMs", last.value AS "lastValue",
  coalesce(win.examined, 0)::int AS examined, coalesce(win.in_last_hour, 0)::int AS "inLastHour",
  win.oldest_ms AS "oldestExaminedMs", coalesce(win.gap_count, 0)::int AS "gapCount",
  win.longest_gap AS "longestGap"
FROM datastreams d
JOIN stations s ON s.id = d.station_id
JOIN instruments i ON i.station_id = d.station_id AND i.id = d.instrument_id
LEFT JOIN LATERAL (
  SELECT (extract(epoch FROM o.time) * 1000)::float8 AS time_ms, o.value FROM observations o
  WHERE o.datastream_id = d.id ORDER BY o.time DESC LIMIT 1
) last ON true
LEFT JOIN LATERAL (
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY step)::float8 AS step FROM (
    SELECT extract(epoch FROM r.time - lag(r.time) OVER (ORDER BY r.time))::float8 AS step
    FROM (SELECT o.time FROM observations o
          WHERE d.cadence_seconds IS NULL AND o.datastream_id = d.id
            AND o.time <= to_timestamp($1::float8 / 1000.0)
          ORDER BY o.time DESC LIMIT $4) r
  ) steps WHERE step IS NOT NULL
) est ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS examined,
    count(*) FILTER (WHERE w.time > to_timestamp(($1::float8 - 3600000) / 1000.0)) AS in_last_hour,
    (extract(epoch FROM min(w.time)) * 1000)::float8 AS oldest_ms,
    count(*) FILTER (WHERE w.step > ${GAP_FACTOR} * coalesce(d.cadence_seconds, est.step)) AS gap_count,
    max(w.step) FILTER (WHERE w.step > ${GAP_FACTOR} * coalesce(d.cadence_seconds, est.step))
      AS longest_gap
  FROM (
    SELECT r.time, extract(epoch FROM r.time - lag(r.time) OVER (ORDER BY r.time))::float8 AS step
    FROM (SELECT o.time FROM observations o
          WHERE o.datastream_id = d.id AND o.time <= to_timestamp($1::float8 / 1000.0)
            AND o.time >= to_timestamp(($1::float8 - $2::float8) / 1000.0)
          ORDER BY o.time DESC LIMIT $3) r
  ) w
) win ON true
ORDER BY d.station_id, d.instrument_id, d.variable`;

export async function readDatastreamFigures(
  db: Queryable,
  query: FiguresQuery,
): Promise<DatastreamFigures[]> {
  const { rows } = await db.query<DatastreamFigures>(FIGURES_SQL, [
    query.nowMs,
    query.windowMs,
    query.maxRows,
    query.cadenceSample + 1,
  ]);
  return rows;
}

export interface QuarantineCounts {
  byStation: Map<string, number>;
  unattributed: number;
  open: number;
  capped: boolean;
}

// Quarantined rows carry no station. The batch's ingest token names the hut that sent it;
// rows from a CLI import have no token, so the datastream key at the start of the raw row
// (JSON `"datastream":"<station>.…"` or a CSV line `<station>.…,`) is the next best guess.
const QUARANTINE_SQL = `
SELECT coalesce(t.station_id, substring(q.raw from $2), substring(q.raw from $3)) AS station,
  count(*)::int AS count
FROM (SELECT id, batch_id, raw FROM quarantine WHERE resolved_at IS NULL
      ORDER BY received_at DESC LIMIT $1) q
LEFT JOIN ingest_batches b ON b.id = q.batch_id
LEFT JOIN ingest_tokens t ON t.id = b.token_id
GROUP BY 1`;

const JSON_KEY = '"datastream"\\s*:\\s*"([a-z0-9][a-z0-9_-]*)\\.';
const CSV_KEY = '^\\s*"?([a-z0-9][a-z0-9_-]*)\\.';

/** Open quarantined rows per station, counting at most `maxRows` of the newest. */
export async function countOpenQuarantine(
  db: Queryable,
  knownStations: ReadonlySet<string>,
  maxRows: number,
): Promise<QuarantineCounts> {
  const { rows } = await db.query<{ station: string | null; count: number }>(QUARANTINE_SQL, [
    maxRows,
    JSON_KEY,
    CSV_KEY,
  ]);
  const byStation = new Map<string, number>();
  let unattributed = 0;
  let open = 0;
  for (const { station, count } of rows) {
    open += count;
    if (station !== null && knownStations.has(station)) {
      byStation.set(station, (byStation.get(station) ?? 0) + count);
    } else unattributed += count;
  }
  // Reaching the cap means "at least this many": the page says so.
  return { byStation, unattributed, open, capped: open >= maxRows };
}
