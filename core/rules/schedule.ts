import { z } from 'zod';
import { DURATION_UNIT_MS } from './duration';

// An active schedule is one daily window in UTC, e.g. `{ from: '18:00', to: '06:00' }` for
// "nights only" (a window whose end is earlier than its start runs over midnight). UTC on
// purpose: stations sit in different time zones and measurement times are UTC everywhere;
// a window that follows sunset would need an ephemeris, which rules do not need yet.

const DAY_MS = DURATION_UNIT_MS.d;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const scheduleSchema = z
  .object({
    from: z.string().regex(CLOCK_TIME, 'a time of day in UTC, HH:MM'),
    to: z.string().regex(CLOCK_TIME, 'a time of day in UTC, HH:MM'),
  })
  .refine((s) => s.from !== s.to, 'from and to must differ (leave the schedule out for always)');

export type Schedule = z.infer<typeof scheduleSchema>;

function msOfClockTime(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * DURATION_UNIT_MS.h + Number(minutes) * DURATION_UNIT_MS.m;
}

/** Start of the UTC day that contains `timeMs`. */
function dayStart(timeMs: number): number {
  return timeMs - (((timeMs % DAY_MS) + DAY_MS) % DAY_MS);
}

/** Start of the active window that contains `timeMs`, or null when outside the schedule. */
export function activeSince(schedule: Schedule, timeMs: number): number | null {
  const from = msOfClockTime(schedule.from);
  const to = msOfClockTime(schedule.to);
  const day = dayStart(timeMs);
  const ofDay = timeMs - day;
  if (from < to) return ofDay >= from && ofDay < to ? day + from : null;
  if (ofDay >= from) return day + from;
  return ofDay < to ? day - DAY_MS + from : null;
}

export function inSchedule(schedule: Schedule | undefined, timeMs: number): boolean {
  return schedule === undefined || activeSince(schedule, timeMs) !== null;
}

/** The first start of an active window strictly after `timeMs`. */
export function nextActiveStart(schedule: Schedule, timeMs: number): number {
  const start = dayStart(timeMs) + msOfClockTime(schedule.from);
  return start > timeMs ? start : start + DAY_MS;
}
