import type { StoredSchedule } from '../../core/schedules/schedule';
import type { JobTemplate } from '../../core/schedules/job-template';
import type { Recurrence } from '../../core/schedules/recurrence';
import type { Queryable } from '../db/types';

/** A schedule row with its times as epoch ms, as the scheduler works with them. */
export interface ScheduleRow {
  id: string;
  name: string;
  owner: string;
  enabled: boolean;
  recurrence: Recurrence;
  job: JobTemplate;
  lastRunMs: number | null;
  nextRunMs: number | null;
  lastJobId: string | null;
  lastJobState: string | null;
  publishPending: boolean;
  updatedMs: number;
}

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
const columns = `s.id, s.name, s.owner, s.enabled, s.recurrence, s.job,
  ${epochMs('s.last_run_at')} AS "lastRunMs", ${epochMs('s.next_run_at')} AS "nextRunMs",
  s.last_job_id AS "lastJobId", j.state AS "lastJobState", s.publish_pending AS "publishPending",
  ${epochMs('s.updated_at')} AS "updatedMs"`;
const from = 'FROM schedules s LEFT JOIN jobs j ON j.id = s.last_job_id';

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toStoredSchedule(row: ScheduleRow): StoredSchedule {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    enabled: row.enabled,
    recurrence: row.recurrence,
    job: row.job,
    lastRunAt: iso(row.lastRunMs),
    nextRunAt: iso(row.nextRunMs),
    lastJobId: row.lastJobId,
    lastJobState: row.lastJobState,
    updatedAt: new Date(row.updatedMs).toISOString(),
  };
}

export async function listSchedules(db: Queryable): Promise<ScheduleRow[]> {
  const { rows } = await db.query<ScheduleRow>(`SELECT ${columns} ${from} ORDER BY s.name, s.id`);
  return rows;
}

/** One schedule; `lock` holds its row until the transaction ends (one scheduler at a time). */
export async function getSchedule(
  db: Queryable,
  id: string,
  lock = false,
): Promise<ScheduleRow | undefined> {
  const { rows } = await db.query<ScheduleRow>(
    `SELECT ${columns} ${from} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [id],
  );
  return rows[0];
}

export interface ScheduleWrite {
  id: string;
  name: string;
  owner: string;
  enabled: boolean;
  recurrence: Recurrence;
  job: JobTemplate;
  nextRunMs: number | null;
}

export async function insertSchedule(db: Queryable, s: ScheduleWrite): Promise<void> {
  await db.query(
    `INSERT INTO schedules (id, name, owner, enabled, recurrence, job, next_run_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      s.id,
      s.name,
      s.owner,
      s.enabled,
      JSON.stringify(s.recurrence),
      JSON.stringify(s.job),
      toDate(s.nextRunMs),
    ],
  );
}

export async function updateSchedule(db: Queryable, s: ScheduleWrite): Promise<void> {
  await db.query(
    `UPDATE schedules SET name = $2, enabled = $3, recurrence = $4, job = $5, next_run_at = $6,
       updated_at = now() WHERE id = $1`,
    [
      s.id,
      s.name,
      s.enabled,
      JSON.stringify(s.recurrence),
      JSON.stringify(s.job),
      toDate(s.nextRunMs),
    ],
  );
}

export async function deleteSchedule(db: Queryable, id: string): Promise<boolean> {
  const { affected } = await db.query('DELETE FROM schedules WHERE id = $1', [id]);
  return affected > 0;
}

/** Ids of enabled schedules due at `nowMs`, the most overdue first. */
export async function dueScheduleIds(db: Queryable, nowMs: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM schedules WHERE enabled AND next_run_at <= $1 ORDER BY next_run_at, id`,
    [new Date(nowMs)],
  );
  return rows.map((r) => r.id);
}

/** After a run (scheduled or by hand): what it queued, and when it fires next. */
export async function recordRun(
  db: Queryable,
  id: string,
  run: { atMs: number; jobId: string; nextRunMs: number | null },
): Promise<void> {
  await db.query(
    `UPDATE schedules SET last_run_at = $2, last_job_id = $3, next_run_at = $4,
       publish_pending = true WHERE id = $1`,
    [id, new Date(run.atMs), run.jobId, toDate(run.nextRunMs)],
  );
}

/** Schedules whose last job may not be on its queue yet. */
export async function pendingPublications(db: Queryable): Promise<ScheduleRow[]> {
  const { rows } = await db.query<ScheduleRow>(
    `SELECT ${columns} ${from} WHERE s.publish_pending ORDER BY s.id`,
  );
  return rows;
}

export async function markPublished(db: Queryable, id: string, jobId: string): Promise<void> {
  await db.query(
    'UPDATE schedules SET publish_pending = false WHERE id = $1 AND last_job_id = $2',
    [id, jobId],
  );
}
