import { backoffDelayMs, sleep } from '../../infra/bus/retry-backoff';
import type { Queryable } from '../../infra/db/types';

/** How long the record of a message that has left waits for the database (a restart takes seconds). */
const SENT_RECORD_PATIENCE_MS = 60_000;

/** Channels of a job already delivered: a redelivered job skips them. */
export async function deliveredChannels(db: Queryable, jobId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ channel: string }>(
    "SELECT channel FROM deliveries WHERE job_id = $1 AND state = 'sent'",
    [jobId],
  );
  return new Set(rows.map((r) => r.channel));
}

export async function recordDelivery(
  db: Queryable,
  jobId: string,
  channel: string,
  state: 'sent' | 'failed',
  detail: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO deliveries (job_id, channel, state, detail) VALUES ($1, $2, $3, $4)
     ON CONFLICT (job_id, channel) DO UPDATE SET state = EXCLUDED.state, detail = EXCLUDED.detail,
       attempts = deliveries.attempts + 1, at = now()`,
    [jobId, channel, state, detail],
  );
}

/**
 * Records a message that has left. While the database is away (restarting) it keeps trying
 * rather than failing the job: a failed job is retried and would send the message again.
 * Only a crash in the moment between the send and this record still sends a second copy,
 * with the same Message-ID / Idempotency-Key, which the receiver drops.
 */
export async function recordSent(
  db: Queryable,
  jobId: string,
  channel: string,
  detail: string | null,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + SENT_RECORD_PATIENCE_MS;
  for (let failures = 1; ; failures += 1) {
    try {
      return await recordDelivery(db, jobId, channel, 'sent', detail);
    } catch (error) {
      if (Date.now() >= deadline || signal?.aborted) throw error;
      await sleep(backoffDelayMs(failures, 2_000), signal);
    }
  }
}

export async function deliveriesOf(
  db: Queryable,
  jobId: string,
): Promise<{ channel: string; state: string; attempts: number; detail: string | null }[]> {
  const { rows } = await db.query<{
    channel: string;
    state: string;
    attempts: number;
    detail: string | null;
  }>('SELECT channel, state, attempts, detail FROM deliveries WHERE job_id = $1 ORDER BY channel', [
    jobId,
  ]);
  return rows;
}
