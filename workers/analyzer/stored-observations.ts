import type { Observation } from '../../core/domain/observation';
import type { Queryable } from '../../infra/db/types';

/** Rows per read while catching up: bounded memory however long the analyzer was away. */
const PAGE_ROWS = 20_000;

/** The newest stored measurement time of a datastream, or null when it has none. */
export async function newestTimeOf(db: Queryable, key: string): Promise<number | null> {
  const { rows } = await db.query<{ t: number | null }>(
    `SELECT (extract(epoch FROM max(o.time)) * 1000)::float8 AS t
     FROM observations o JOIN datastreams d ON d.id = o.datastream_id WHERE d.key = $1`,
    [key],
  );
  return rows[0]?.t ?? null;
}

/** Stored observations of `key` with time after `afterMs` (or from `fromMs`), in time order, page by page. */
export async function* storedObservations(
  db: Queryable,
  key: string,
  range: { afterMs: number } | { fromMs: number },
): AsyncGenerator<Observation[]> {
  let cursor = 'afterMs' in range ? range.afterMs : range.fromMs - 1;
  for (;;) {
    const { rows } = await db.query<{ t: number; value: number; quality: string | null }>(
      `SELECT (extract(epoch FROM o.time) * 1000)::float8 AS t, o.value, o.quality
       FROM observations o JOIN datastreams d ON d.id = o.datastream_id
       WHERE d.key = $1 AND o.time > to_timestamp($2 / 1000.0)
       ORDER BY o.time LIMIT ${PAGE_ROWS}`,
      [key, cursor],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ datastream: key, timeMs: r.t, value: r.value, quality: r.quality }));
    if (rows.length < PAGE_ROWS) return;
    cursor = rows[rows.length - 1]!.t;
  }
}
