import { randomUUID } from 'node:crypto';
import { deterministicId } from '../../core/contracts/jobs';
import { nextOccurrence } from '../../core/schedules/recurrence';
import type { ScheduleInput, StoredSchedule } from '../../core/schedules/schedule';
import { appendAudit } from '../../infra/audit/audit-log';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { publishPendingJobs, recordOccurrence } from '../../infra/schedules/queue-occurrence';
import {
  deleteSchedule as deleteRow,
  getSchedule,
  insertSchedule,
  listSchedules as listRows,
  toStoredSchedule,
  updateSchedule as updateRow,
  type ScheduleRow,
} from '../../infra/schedules/schedule-store';
import { AppError, notFound } from '../http/app-error';

// Schedules as users manage them. Everyone may read them (a desk sees what runs when);
// only the owner changes, deletes or runs one. The next run is computed here on every
// change, so the scheduler only ever compares it with the clock.

export async function listSchedules(db: Database): Promise<StoredSchedule[]> {
  return (await listRows(db)).map(toStoredSchedule);
}

export async function readSchedule(db: Database, id: string): Promise<StoredSchedule> {
  return toStoredSchedule(await existing(db, id));
}

export async function createSchedule(
  db: Database,
  input: ScheduleInput,
  actor: string,
  nowMs: number,
): Promise<StoredSchedule> {
  const id = `schedule-${randomUUID()}`;
  const nextRunMs = input.enabled ? nextOccurrence(input.recurrence, nowMs) : null;
  await db.transaction(async (tx) => {
    await insertSchedule(tx, { id, owner: actor, ...input, nextRunMs });
    await appendAudit(tx, {
      actor,
      action: 'schedule.create',
      subject: id,
      detail: { name: input.name },
    });
  });
  return readSchedule(db, id);
}

export async function updateSchedule(
  db: Database,
  id: string,
  input: ScheduleInput,
  actor: string,
  nowMs: number,
): Promise<StoredSchedule> {
  const current = await ownedBy(db, id, actor);
  const nextRunMs = input.enabled ? nextOccurrence(input.recurrence, nowMs) : null;
  await db.transaction(async (tx) => {
    await updateRow(tx, { id, owner: current.owner, ...input, nextRunMs });
    await appendAudit(tx, {
      actor,
      action: 'schedule.update',
      subject: id,
      detail: { name: input.name },
    });
  });
  return readSchedule(db, id);
}

export async function setScheduleEnabled(
  db: Database,
  id: string,
  enabled: boolean,
  actor: string,
  nowMs: number,
): Promise<StoredSchedule> {
  const current = await ownedBy(db, id, actor);
  const input = { name: current.name, recurrence: current.recurrence, job: current.job, enabled };
  return updateSchedule(db, id, input, actor, nowMs);
}

export async function deleteSchedule(db: Database, id: string, actor: string): Promise<void> {
  await ownedBy(db, id, actor);
  await db.transaction(async (tx) => {
    await deleteRow(tx, id);
    await appendAudit(tx, { actor, action: 'schedule.delete', subject: id });
  });
}

/**
 * Queues the schedule's job now, as if it had fired at `nowMs` (placeholders name this
 * instant), recorded as its last run; the next scheduled run stays where it was.
 */
export async function runScheduleNow(
  db: Database,
  bus: Bus | undefined,
  id: string,
  actor: string,
  nowMs: number,
): Promise<{ id: string; state: string }> {
  await ownedBy(db, id, actor);
  if (!bus) throw new AppError(503, 'no_bus', 'this server has no bus to queue jobs on');
  const jobId = deterministicId('sched-now', id, new Date(nowMs).toISOString());
  await recordOccurrence(db, id, (schedule) => ({
    jobId,
    atMs: nowMs,
    nextRunMs: schedule.nextRunMs,
    user: actor,
  }));
  await appendAudit(db, { actor, action: 'schedule.run', subject: id, detail: { job: jobId } });
  await publishPendingJobs(db, bus);
  return { id: jobId, state: (await getJob(db, jobId))?.state ?? 'queued' };
}

async function existing(db: Database, id: string): Promise<ScheduleRow> {
  const schedule = await getSchedule(db, id);
  if (!schedule) throw notFound(`schedule "${id}"`);
  return schedule;
}

async function ownedBy(db: Database, id: string, actor: string): Promise<ScheduleRow> {
  const schedule = await existing(db, id);
  if (schedule.owner !== actor) {
    throw new AppError(403, 'forbidden', `only ${schedule.owner} may change schedule "${id}"`);
  }
  return schedule;
}
