import type { Series } from '../../core/reports/series';
import type { Queryable } from '../db/types';

export interface DatastreamRow {
  key: string;
  station: string;
  variable: string;
  unit: string;
  cadenceSeconds: number | null;
  validMin: number | null;
  validMax: number | null;
}

/** The catalog entries an evaluation covers: every datastream of the stations, plus the named ones. */
export async function datastreamsToEvaluate(
  db: Queryable,
  stations: readonly string[],
  keys: readonly string[],
): Promise<DatastreamRow[]> {
  const { rows } = await db.query<DatastreamRow>(
    `SELECT key, station_id AS station, variable, unit, cadence_seconds AS "cadenceSeconds",
       valid_min AS "validMin", valid_max AS "validMax"
     FROM datastreams
     WHERE station_id IN (SELECT jsonb_array_elements_text($1::jsonb))
        OR key IN (SELECT jsonb_array_elements_text($2::jsonb))
     ORDER BY key`,
    [JSON.stringify(stations), JSON.stringify(keys)],
  );
  return rows;
}

/** One datastream's stored values in [fromMs, toMs), in time order. */
export async function seriesInWindow(
  db: Queryable,
  key: string,
  fromMs: number,
  toMs: number,
): Promise<Series> {
  const { rows } = await db.query<{ t: number; v: number }>(
    `SELECT (extract(epoch FROM o.time) * 1000)::float8 AS t, o.value AS v
     FROM observations o JOIN datastreams d ON d.id = o.datastream_id
     WHERE d.key = $1 AND o.time >= to_timestamp($2 / 1000.0) AND o.time < to_timestamp($3 / 1000.0)
     ORDER BY o.time`,
    [key, fromMs, toMs],
  );
  return { times: rows.map((r) => Number(r.t)), values: rows.map((r) => Number(r.v)) };
}
