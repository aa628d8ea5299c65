import type { QuarantineRow } from '../../core/contracts/uploads';
import type { Queryable } from '../../infra/db/types';

interface Row {
  id: string;
  batch_id: string | null;
  row_index: number;
  error: string;
  raw: string;
  source: string | null;
  received_ms: number;
  resolved_ms: number | null;
  resolution: string | null;
}

const COLUMNS = `q.id, q.batch_id, q.row_index, q.error, q.raw, b.source,
  (extract(epoch FROM q.received_at) * 1000)::float8 AS received_ms,
  (extract(epoch FROM q.resolved_at) * 1000)::float8 AS resolved_ms, q.resolution`;

function toRow(r: Row): QuarantineRow {
  return {
    id: Number(r.id),
    batchId: r.batch_id === null ? null : Number(r.batch_id),
    rowIndex: r.row_index,
    error: r.error,
    raw: r.raw,
    source: r.source,
    receivedAtMs: Number(r.received_ms),
    resolvedAtMs: r.resolved_ms === null ? null : Number(r.resolved_ms),
    resolution: r.resolution,
  };
}

// The error filter is a plain substring (position, not LIKE), so % and _ in it mean themselves.
const OPEN_MATCHING = `q.resolved_at IS NULL
  AND ($1::text IS NULL OR position(lower($1::text) IN lower(q.error)) > 0)`;

/** Open rows, newest first, `limit` of them with an id below `before`. */
export async function listOpen(
  db: Queryable,
  filter: { error: string | null; before: number | null; limit: number },
): Promise<{ rows: QuarantineRow[]; total: number }> {
  const page = await db.query<Row>(
    `SELECT ${COLUMNS} FROM quarantine q LEFT JOIN ingest_batches b ON b.id = q.batch_id
     WHERE ${OPEN_MATCHING} AND ($2::bigint IS NULL OR q.id < $2::bigint)
     ORDER BY q.id DESC LIMIT $3`,
    [filter.error, filter.before, filter.limit],
  );
  const count = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM quarantine q WHERE ${OPEN_MATCHING}`,
    [filter.error],
  );
  return { rows: page.rows.map(toRow), total: Number(count.rows[0]?.n ?? 0) };
}

export async function findQuarantined(db: Queryable, id: number): Promise<QuarantineRow | null> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM quarantine q LEFT JOIN ingest_batches b ON b.id = q.batch_id
     WHERE q.id = $1`,
    [id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Closes an open row; null when it is not open (any more). */
export async function resolveQuarantined(
  db: Queryable,
  id: number,
  resolution: 'fixed' | 'discarded',
): Promise<QuarantineRow | null> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE quarantine SET resolved_at = now(), resolution = $2
     WHERE id = $1 AND resolved_at IS NULL RETURNING id`,
    [id, resolution],
  );
  return rows[0] ? findQuarantined(db, id) : null;
}

/** Quarantine ids of rows refused in the batches of one upload (ids after `afterBatch`). */
export async function quarantinedBySource(
  db: Queryable,
  source: string,
  afterBatch: number,
  limit: number,
): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT q.id FROM ingest_batches b JOIN quarantine q ON q.batch_id = b.id
     WHERE b.id > $1 AND b.source = $2 ORDER BY q.id LIMIT $3`,
    [afterBatch, source, limit],
  );
  return rows.map((r) => Number(r.id));
}

/** The newest batch id so far: every batch stored after this call has a larger one. */
export async function lastBatchId(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ id: string | null }>(
    'SELECT max(id) AS id FROM ingest_batches',
  );
  return Number(rows[0]?.id ?? 0);
}
