import type { Delivery, NotifyJobDeliveries } from '../../core/contracts/notify';
import type { Queryable } from '../db/types';

// What the UI shows of notifications: the notify jobs an alert caused and each channel's
// delivery record (written by the notify worker before it commits the job's offset).

const deliveryColumns = `d.job_id AS "jobId", d.channel, d.state, d.attempts, d.detail,
  to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`;

export async function deliveriesOfJob(db: Queryable, jobId: string): Promise<Delivery[]> {
  const { rows } = await db.query<Delivery>(
    `SELECT ${deliveryColumns} FROM deliveries d WHERE d.job_id = $1 ORDER BY d.channel`,
    [jobId],
  );
  return rows;
}

/** The notify jobs of an alert, oldest first, each with its deliveries. */
export async function notifyJobsOfAlert(
  db: Queryable,
  alertId: string,
): Promise<NotifyJobDeliveries[]> {
  const { rows: jobs } = await db.query<Omit<NotifyJobDeliveries, 'deliveries'>>(
    `SELECT id AS "jobId", state, origin->>'recipient' AS recipient, coalesce(error, message) AS message,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
     FROM jobs WHERE type = 'notify' AND origin->>'alertId' = $1 ORDER BY created_at, id`,
    [alertId],
  );
  if (jobs.length === 0) return [];
  const { rows: deliveries } = await db.query<Delivery>(
    `SELECT ${deliveryColumns} FROM deliveries d
     WHERE d.job_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY d.channel`,
    [JSON.stringify(jobs.map((j) => j.jobId))],
  );
  return jobs.map((job) => ({
    ...job,
    deliveries: deliveries.filter((d) => d.jobId === job.jobId),
  }));
}
