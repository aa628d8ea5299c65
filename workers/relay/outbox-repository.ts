import type { Queryable } from '../../infra/db/types';

export interface PendingBatch {
  outboxId: number;
  batchId: number;
  rows: number;
}

export interface PendingBatches {
  batches: PendingBatch[];
  more: boolean;
}

/** Outbox rows looked at per round; a round holds fewer when they add up to its row limit. */
export const BATCHES_PER_ROUND = 50;

export interface StoredObservation {
  datastream: string;
  timeMs: number;
  value: number;
  quality: string | null;
  batchId: number;
}

/**
 * The oldest unpublished outbox rows, up to about `maxRows` observations, leaving out
 * `inFlight` (the round the relay is publishing while it reads the next); `more` tells
 * whether unpublished rows were left for a later round.
 *
 * Always from the oldest, never "after the last id read": ids are taken when a batch is
 * stored, not when it commits, so a batch can become visible after a higher id was read.
 * A round that started after the last id would pass it over while its writer's next batch
 * (newer times of the same datastreams) went out first. Read from the oldest, a writer's
 * earlier batch, committed before its next one began, always has the lower id and goes first.
 */
export async function pendingBatches(
  db: Queryable,
  maxRows: number,
  inFlight: readonly number[] = [],
): Promise<PendingBatches> {
  const { rows } = await db.query<{ id: string; batch_id: string; row_count: number }>(
    `SELECT id, batch_id, row_count FROM outbox WHERE published_at IS NULL
       AND id <> ALL($1::bigint[])
     ORDER BY id LIMIT ${BATCHES_PER_ROUND}`,
    [`{${inFlight.join(',')}}`],
  );
  const batches: PendingBatch[] = [];
  let total = 0;
  for (const row of rows) {
    if (batches.length > 0 && total + row.row_count > maxRows) return { batches, more: true };
    batches.push({ outboxId: Number(row.id), batchId: Number(row.batch_id), rows: row.row_count });
    total += row.row_count;
  }
  return { batches, more: rows.length === BATCHES_PER_ROUND };
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
