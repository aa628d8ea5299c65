import type { Queryable } from '../../infra/db/types';

export interface LatestValue {
  datastream: string;
  variable: string;
  unit: string;
  cadenceSeconds: number | null;
  value: number | null;
  timeMs: number | null;
}

/** The last observation of each datastream of one instrument (`<station>.<instrument>`). */
export async function latestValuesOf(
  db: Queryable,
  station: string,
  instrument: string,
): Promise<LatestValue[]> {
  const { rows } = await db.query<{
    key: string;
    variable: string;
    unit: string;
    cadence_seconds: number | null;
    value: number | null;
    time: Date | string | null;
  }>(
    `SELECT d.key, d.variable, d.unit, d.cadence_seconds, o.value, o.time FROM datastreams d
     LEFT JOIN LATERAL (SELECT value, time FROM observations WHERE datastream_id = d.id
       ORDER BY time DESC LIMIT 1) o ON true
     WHERE d.station_id = $1 AND d.instrument_id = $2 ORDER BY d.variable`,
    [station, instrument],
  );
  return rows.map((r) => ({
    datastream: r.key,
    variable: r.variable,
    unit: r.unit,
    cadenceSeconds: r.cadence_seconds,
    value: r.value,
    timeMs: r.time === null ? null : new Date(r.time).getTime(),
  }));
}

/** When the instrument last answered a command, or null. */
export async function lastAnswerOf(db: Queryable, instrument: string): Promise<string | null> {
  const { rows } = await db.query<{ at: Date | string | null }>(
    `SELECT max(at) AS at FROM operations_audit
     WHERE instrument_id = $1 AND action IN ('acknowledged', 'done', 'failed')`,
    [instrument],
  );
  const at = rows[0]?.at;
  return at ? new Date(at).toISOString() : null;
}
