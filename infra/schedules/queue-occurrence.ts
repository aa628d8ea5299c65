import type { JobRequest } from '../../core/contracts/jobs';
import { encodeMessage } from '../../core/contracts/topics';
import { expandParams, placeholderValues } from '../../core/schedules/job-template';
import type { Bus } from '../bus/types';
import type { Database } from '../db/types';
import { getJob, insertJob } from '../jobs/job-store';
import {
  getSchedule,
  markPublished,
  pendingPublications,
  recordRun,
  type ScheduleRow,
} from './schedule-store';

/** The job one occurrence of a schedule queues, its placeholders filled in. */
export function occurrenceRequest(
  schedule: ScheduleRow,
  occurrenceMs: number,
  user: string,
): JobRequest {
  const values = placeholderValues(occurrenceMs, schedule.recurrence.timeZone);
  return {
    queue: schedule.job.queue,
    type: schedule.job.type,
    params: expandParams(schedule.job.params, values),
    origin: { user },
  };
}

/**
 * Records the job of an occurrence and the schedule's last and next run in one
 * transaction, with the row locked: a second scheduler waits, then finds the schedule
 * no longer due (`stillDue` says no), and the job id derived from the occurrence makes a
 * second insert a no-op anyway. The job goes on its queue afterwards (`publishPending`).
 */
export async function recordOccurrence(
  db: Database,
  scheduleId: string,
  plan: (
    schedule: ScheduleRow,
  ) => { jobId: string; atMs: number; nextRunMs: number | null; user: string } | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const schedule = await getSchedule(tx, scheduleId, true);
    if (!schedule) return false;
    const run = plan(schedule);
    if (run === null) return false;
    await insertJob(tx, run.jobId, occurrenceRequest(schedule, run.atMs, run.user));
    await recordRun(tx, scheduleId, run);
    return true;
  });
}

/**
 * Puts the recorded last jobs on their queues. Publishing twice (two schedulers, or a
 * crash before the mark) is harmless: the runner never runs a finished job again.
 */
export async function publishPendingJobs(db: Database, bus: Bus): Promise<number> {
  let published = 0;
  for (const schedule of await pendingPublications(db)) {
    const jobId = schedule.lastJobId;
    if (jobId === null) continue; // never so: a run records its job with the flag
    const job = await getJob(db, jobId);
    if (job) {
      const payload: JobRequest = {
        queue: job.queue,
        type: job.type,
        params: job.params,
        origin: job.origin,
      };
      await bus.publish(job.queue, [
        {
          key: jobId,
          value: encodeMessage(job.queue, {
            v: 1,
            id: jobId,
            type: job.type,
            at: new Date().toISOString(),
            payload,
          }),
        },
      ]);
      published += 1;
    }
    await markPublished(db, schedule.id, jobId);
  }
  return published;
}
