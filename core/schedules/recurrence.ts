import { z } from 'zod';
import {
  addDays,
  instantOfWallTime,
  isTimeZone,
  wallClockOf,
  weekdayOf,
  type LocalDate,
} from './zoned-time';

// When a schedule fires: every day, or on chosen weekdays, at a wall-clock time in an IANA
// time zone. Station time, not UTC: "the report at 06:00" means 06:00 on the station's
// clock in winter and in summer alike (05:00Z and 04:00Z in Vienna).

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The stations' zone, and the default of a new schedule. */
export const STATION_TIME_ZONE = 'Europe/Vienna';

const at = z.string().regex(CLOCK_TIME, 'a time of day, HH:MM');
const timeZone = z
  .string()
  .refine(isTimeZone, 'an IANA time zone, e.g. Europe/Vienna')
  .default(STATION_TIME_ZONE);

export const recurrenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), at, timeZone }),
  z.object({
    kind: z.literal('weekly'),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'choose at least one weekday')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'each weekday once'),
    at,
    timeZone,
  }),
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

function minutesOf(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function firesOn(recurrence: Recurrence, date: LocalDate): boolean {
  if (recurrence.kind === 'daily') return true;
  return recurrence.days.includes(WEEKDAYS[weekdayOf(date)] as Weekday);
}

/** The first occurrence strictly after `afterMs`. */
export function nextOccurrence(recurrence: Recurrence, afterMs: number): number {
  const wall = wallClockOf(recurrence.timeZone, afterMs);
  const today: LocalDate = { year: wall.year, month: wall.month, day: wall.day };
  const minutes = minutesOf(recurrence.at);
  // Yesterday too: near a DST change the local date of `afterMs` may lag the occurrence's.
  for (let offset = -1; offset <= 8; offset += 1) {
    const date = addDays(today, offset);
    if (!firesOn(recurrence, date)) continue;
    const instant = instantOfWallTime(recurrence.timeZone, date, minutes);
    if (instant > afterMs) return instant;
  }
  throw new Error('a recurrence fires at least once a week'); // unreachable with days ≥ 1
}

/**
 * The latest occurrence at or before `nowMs` that is after `sinceMs`, or null. After
 * downtime a schedule catches up with this one only: a report for each missed day would
 * flood the queue with work nobody asked for at once, and the newest is what people read.
 */
export function latestDueOccurrence(
  recurrence: Recurrence,
  sinceMs: number,
  nowMs: number,
): number | null {
  let due: number | null = null;
  let next = nextOccurrence(recurrence, Math.max(sinceMs, nowMs - 8 * 86_400_000));
  while (next <= nowMs) {
    due = next;
    next = nextOccurrence(recurrence, next);
  }
  return due;
}

/** "daily at 06:00 (Europe/Vienna)", "mon, wed at 18:30 (UTC)". */
export function describeRecurrence(recurrence: Recurrence): string {
  const when = recurrence.kind === 'daily' ? 'daily' : recurrence.days.join(', ');
  return `${when} at ${recurrence.at} (${recurrence.timeZone})`;
}
