import type { Queryable } from '../../infra/db/types';

/** Observations of one datastream in [from, to], in time order, as columns. */
export async function readSeries(
  db: Queryable,
  datastreamId: number,
  fromMs: number | null,
  toMs: number | null,
): Promise<{ t: number[]; v: number[] }> {
  const { rows } = await db.query<{ t: number; v: number }>(
    `SELECT (extract(epoch FROM time) * 1000)::float8 AS t, value AS v FROM observations
     WHERE datastream_id = $1
       AND ($2::float8 IS NULL OR time >= to_timestamp($2::float8 / 1000.0))
       AND ($3::float8 IS NULL OR time <= to_timestamp($3::float8 / 1000.0))
     ORDER BY time`,
    [datastreamId, fromMs, toMs],
  );
  const t = new Array<number>(rows.length);
  const v = new Array<number>(rows.length);
  rows.forEach((row, i) => {
    t[i] = row.t;
    v[i] = row.v;
  });
  return { t, v };
}
