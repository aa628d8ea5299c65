import { latestDueOccurrence, nextOccurrence } from '../../core/schedules/recurrence';
import { occurrenceJobId } from '../../core/schedules/schedule';
import type { Database } from '../../infra/db/types';
import { recordOccurrence } from '../../infra/schedules/queue-occurrence';
import { dueScheduleIds } from '../../infra/schedules/schedule-store';

/**
 * Records the job of every schedule due at `nowMs`. After downtime a schedule fires once,
 * for its latest missed occurrence only: the earlier ones are skipped on purpose (a
 * station down for a week would otherwise queue seven reports at once; the newest is the
 * one people wait for, and the others can be run by hand). Returns the jobs recorded.
 */
export async function fireDueSchedules(db: Database, nowMs: number): Promise<string[]> {
  const fired: string[] = [];
  for (const id of await dueScheduleIds(db, nowMs)) {
    let jobId: string | undefined;
    await recordOccurrence(db, id, (schedule) => {
      // Read again under the row lock: another scheduler may have fired it meanwhile.
      if (!schedule.enabled || schedule.nextRunMs === null || schedule.nextRunMs > nowMs) {
        return null;
      }
      const occurrenceMs =
        latestDueOccurrence(schedule.recurrence, schedule.nextRunMs - 1, nowMs) ??
        schedule.nextRunMs;
      jobId = occurrenceJobId(schedule.id, occurrenceMs);
      return {
        jobId,
        atMs: occurrenceMs,
        nextRunMs: nextOccurrence(schedule.recurrence, nowMs),
        user: schedule.owner,
      };
    });
    if (jobId !== undefined) fired.push(jobId);
  }
  return fired;
}
