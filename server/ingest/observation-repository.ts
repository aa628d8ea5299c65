import type { Observation } from '../../core/domain/observation';
import type { Database } from '../../infra/db/types';
import { toTextArray } from '../catalog/catalog-repository';

export interface BatchToStore {
  tokenId: number | null;
  source: string;
  observations: Observation[];
  datastreamIds: number[];
  /** Rows refused by the checks, kept for review. */
  quarantine: { index: number; error: string; raw: string }[];
}

export interface StoredBatch {
  batchId: number;
  stored: number;
}

const numberArray = (values: readonly number[]) => `{${values.join(',')}}`;

/**
 * Stores a checked batch in one transaction: the observations (one set-based INSERT, never
 * a statement per row; rows already stored are skipped, so a re-sent batch stores nothing
 * twice), the outbox row that hands the batch to the relay, the quarantined rows and the
 * batch record. Nothing is visible, or acknowledged, before COMMIT.
 */
export async function storeBatch(db: Database, batch: BatchToStore): Promise<StoredBatch> {
  return db.transaction(async (tx) => {
    const idRow = await tx.query<{ id: string }>("SELECT nextval('ingest_batches_id_seq') AS id");
    const batchId = Number(idRow.rows[0]?.id);
    let stored = 0;
    if (batch.observations.length > 0) {
      const obs = batch.observations;
      const inserted = await tx.query(
        `INSERT INTO observations (datastream_id, time, value, quality, batch_id)
         SELECT d, to_timestamp(t / 1000.0), v, q, $5
         FROM unnest($1::int[], $2::float8[], $3::float8[], $4::text[]) AS u(d, t, v, q)
         ON CONFLICT (datastream_id, time) DO NOTHING`,
        [
          numberArray(batch.datastreamIds),
          numberArray(obs.map((o) => o.timeMs)),
          numberArray(obs.map((o) => o.value)),
          toTextArray(obs.map((o) => o.quality)),
          batchId,
        ],
      );
      stored = inserted.affected;
    }
    if (stored > 0) {
      await tx.query('INSERT INTO outbox (batch_id, row_count) VALUES ($1, $2)', [batchId, stored]);
    }
    if (batch.quarantine.length > 0) {
      await tx.query(
        `INSERT INTO quarantine (batch_id, row_index, error, raw)
         SELECT $1, i, e, r FROM unnest($2::int[], $3::text[], $4::text[]) AS u(i, e, r)`,
        [
          batchId,
          numberArray(batch.quarantine.map((q) => q.index)),
          toTextArray(batch.quarantine.map((q) => q.error)),
          toTextArray(batch.quarantine.map((q) => q.raw)),
        ],
      );
    }
    await tx.query(
      `INSERT INTO ingest_batches (id, token_id, source, accepted, stored, rejected)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        batchId,
        batch.tokenId,
        batch.source,
        batch.observations.length,
        stored,
        batch.quarantine.length,
      ],
    );
    return { batchId, stored };
  });
}
