import { z } from 'zod';
import { deterministicId } from '../contracts/jobs';
import { jobTemplateSchema } from './job-template';
import { recurrenceSchema } from './recurrence';

/** What a user writes to create or change a schedule. */
export const scheduleInputSchema = z.object({
  name: z.string().trim().min(1, 'give the schedule a name').max(200),
  enabled: z.boolean().default(true),
  recurrence: recurrenceSchema,
  job: jobTemplateSchema,
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/** A stored schedule as the API shows it; times are ISO instants. */
export const storedScheduleSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  enabled: z.boolean(),
  recurrence: recurrenceSchema,
  job: jobTemplateSchema,
  lastRunAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  lastJobId: z.string().nullable(),
  /** The state of the last job it queued, when that job is still known. */
  lastJobState: z.string().nullable(),
  updatedAt: z.string(),
});
export type StoredSchedule = z.infer<typeof storedScheduleSchema>;
export const scheduleListSchema = z.object({ schedules: z.array(storedScheduleSchema) });

/**
 * The job of one occurrence of one schedule: the same from every scheduler and after any
 * restart, so an occurrence can be queued by two schedulers at once and still be one job.
 */
export function occurrenceJobId(scheduleId: string, occurrenceMs: number): string {
  return deterministicId('sched', scheduleId, new Date(occurrenceMs).toISOString());
}
