import type { JobEvent, JobQueue, JobRequest, JobState } from '../../core/contracts/jobs';
import type { Queryable } from '../db/types';

export interface JobRow {
  id: string;
  queue: JobQueue;
  type: string;
  params: Record<string, unknown>;
  origin: JobRequest['origin'];
  state: JobState;
  progress: number | null;
  message: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
  attempts: number;
  /** When the job was queued (epoch ms): where the Live view marks it on the time axis. */
  createdMs: number;
}

const columns =
  'id, queue, type, params, origin, state, progress, message, result, error, attempts, ' +
  `(extract(epoch FROM created_at) * 1000)::float8 AS "createdMs"`;

/** Records a job once: a second insert of the same id (a redelivered trigger) changes nothing. */
export async function insertJob(db: Queryable, id: string, request: JobRequest): Promise<boolean> {
  const { affected } = await db.query(
    `INSERT INTO jobs (id, queue, type, params, origin) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING`,
    [
      id,
      request.queue,
      request.type,
      JSON.stringify(request.params),
      JSON.stringify(request.origin),
    ],
  );
  return affected > 0;
}

export async function getJob(db: Queryable, id: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`SELECT ${columns} FROM jobs WHERE id = $1`, [id]);
  return rows[0];
}

export async function listJobs(db: Queryable, limit = 100): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `SELECT ${columns} FROM jobs ORDER BY created_at DESC, id LIMIT $1`,
    [limit],
  );
  return rows;
}

/**
 * Starts an attempt: running, attempts + 1. Returns null when the job has finished
 * meanwhile (cancelled between reading it and starting): it must not run.
 */
export async function markRunning(db: Queryable, id: string): Promise<number | null> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
       progress = 0, error = NULL
     WHERE id = $1 AND state NOT IN ('succeeded', 'failed', 'cancelled') RETURNING attempts`,
    [id],
  );
  return rows[0]?.attempts ?? null;
}

/** Cancels a job that has not finished; false when it had (nothing changes then). */
export async function cancelJob(db: Queryable, id: string, message: string): Promise<boolean> {
  const { affected } = await db.query(
    `UPDATE jobs SET state = 'cancelled', message = $2, finished_at = now()
     WHERE id = $1 AND state NOT IN ('succeeded', 'failed', 'cancelled')`,
    [id, message],
  );
  return affected > 0;
}

/** Applies one event of the job's life to its row. */
export async function applyJobEvent(
  db: Queryable,
  event: JobEvent,
  error: string | null = null,
): Promise<void> {
  const finished =
    event.state === 'succeeded' || event.state === 'failed' || event.state === 'cancelled';
  await db.query(
    `UPDATE jobs SET state = $2, progress = coalesce($3, progress), message = coalesce($4, message),
       result = coalesce($5::jsonb, result), error = coalesce($6, error),
       finished_at = CASE WHEN $7 THEN now() ELSE finished_at END
     WHERE id = $1`,
    [
      event.jobId,
      event.state,
      event.progress,
      event.message,
      event.result === null ? null : JSON.stringify(event.result),
      error,
      finished,
    ],
  );
}

export async function appendJobLog(
  db: Queryable,
  jobId: string,
  level: string,
  message: string,
): Promise<void> {
  await db.query('INSERT INTO job_logs (job_id, level, message) VALUES ($1, $2, $3)', [
    jobId,
    level,
    message,
  ]);
}

export async function jobLogs(
  db: Queryable,
  jobId: string,
): Promise<{ at: Date; level: string; message: string }[]> {
  const { rows } = await db.query<{ at: Date; level: string; message: string }>(
    'SELECT at, level, message FROM job_logs WHERE job_id = $1 ORDER BY id',
    [jobId],
  );
  return rows;
}
