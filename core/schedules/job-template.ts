import { z } from 'zod';
import { jobQueues } from '../contracts/jobs';
import { addDays, isoDateOf, wallClockOf } from './zoned-time';

// What a schedule queues at each occurrence: a job on a queue, of a type, with parameters
// in which a few placeholders name the occurrence, so one template makes "the report for
// the day that just ended" every morning.

export const PLACEHOLDERS = {
  '{{occurrence}}': 'the occurrence, an ISO instant',
  '{{day}}': "the occurrence's date in the schedule's zone, YYYY-MM-DD",
  '{{previousDay}}': 'the date before that (the day that just ended)',
} as const;

export const jobTemplateSchema = z.object({
  queue: z.enum(jobQueues).default('jobs.sod'),
  type: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a job type is lower-case words joined by -'),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type JobTemplate = z.infer<typeof jobTemplateSchema>;

/** The values of the placeholders for one occurrence. */
export function placeholderValues(occurrenceMs: number, timeZone: string): Record<string, string> {
  const wall = wallClockOf(timeZone, occurrenceMs);
  const day = { year: wall.year, month: wall.month, day: wall.day };
  return {
    '{{occurrence}}': new Date(occurrenceMs).toISOString(),
    '{{day}}': isoDateOf(day),
    '{{previousDay}}': isoDateOf(addDays(day, -1)),
  };
}

/** The template's parameters with every placeholder in every string replaced. */
export function expandParams(
  params: Record<string, unknown>,
  values: Record<string, string>,
): Record<string, unknown> {
  const expand = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\{\{[A-Za-z]+\}\}/g, (name) => values[name] ?? name);
    }
    if (Array.isArray(value)) return value.map(expand);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
    }
    return value;
  };
  return expand(params) as Record<string, unknown>;
}
