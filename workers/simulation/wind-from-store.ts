import type { WindSeries } from '../../core/simulation/index';
import type { Queryable } from '../../infra/db/types';

/**
 * The measured wind of a station over [fromMs, toMs] from its speed and direction
 * datastreams, aligned on the times that have both (a missing one is NaN, which the model
 * skips). Times ascending.
 */
export async function windFromStore(
  db: Queryable,
  keys: { speed: string; direction: string },
  fromMs: number,
  toMs: number,
): Promise<WindSeries> {
  const { rows } = await db.query<{ t: number; speed: number | null; direction: number | null }>(
    `SELECT (extract(epoch FROM o.time) * 1000)::float8 AS t,
            max(o.value) FILTER (WHERE d.key = $1) AS speed,
            max(o.value) FILTER (WHERE d.key = $2) AS direction
     FROM observations o JOIN datastreams d ON d.id = o.datastream_id
     WHERE d.key IN ($1, $2) AND o.time BETWEEN to_timestamp($3 / 1000.0) AND to_timestamp($4 / 1000.0)
     GROUP BY o.time ORDER BY o.time`,
    [keys.speed, keys.direction, fromMs, toMs],
  );
  return {
    timesMs: rows.map((r) => r.t),
    speed: rows.map((r) => r.speed ?? Number.NaN),
    directionDeg: rows.map((r) => r.direction ?? Number.NaN),
  };
}
