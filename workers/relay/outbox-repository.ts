import type { Queryable } from '../../infra/db/types';

export interface PendingBatch {
  outboxId: number;
  batchId: number;
  rows: number;
}

export interface StoredObservation {
  datastream: string;
  timeMs: number;
  value: number;
  quality: string | null;
  batchId: number;
}

/**
 * Unpublished outbox rows after `afterId` in commit order (ids grow), up to about `maxRows`
 * observations. `afterId` lets the relay read the next round while it publishes this one.
 */
export async function pendingBatches(
  db: Queryable,
  maxRows: number,
  afterId = 0,
): Promise<PendingBatch[]> {
  const { rows } = await db.query<{ id: string; batch_id: string; row_count: number }>(
    `SELECT id, batch_id, row_count FROM outbox WHERE published_at IS NULL AND id > $1
     ORDER BY id LIMIT 50`,
    [afterId],
  );
  const batches: PendingBatch[] = [];
  let total = 0;
  for (const row of rows) {
    if (batches.length > 0 && total + row.row_count > maxRows) break;
    batches.push({ outboxId: Number(row.id), batchId: Number(row.batch_id), rows: row.row_count });
    total += row.row_count;
  }
  return batches;
}

/** The observations the batches stored, batch by batch, each batch in measurement-time order. */
export async function observationsOfBatches(
  db: Queryable,
  batchIds: number[],
): Promise<StoredObservation[]> {
  const { rows } = await db.query<StoredObservation>(
    `SELECT d.key AS datastream, (extract(epoch FROM o.time) * 1000)::float8 AS "timeMs",
            o.value, o.quality, o.batch_id::float8 AS "batchId"
     FROM observations o JOIN datastreams d ON d.id = o.datastream_id
     WHERE o.batch_id = ANY($1::bigint[])
     ORDER BY o.batch_id, o.time`,
    [`{${batchIds.join(',')}}`],
  );
  return rows;
}

export async function markPublished(db: Queryable, outboxIds: number[]): Promise<void> {
  await db.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [
    `{${outboxIds.join(',')}}`,
  ]);
}
