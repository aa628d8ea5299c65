import type { Queryable } from '../../infra/db/types';

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
