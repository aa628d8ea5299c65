import { quoteForMessage } from './quote';

/** Earliest and latest accepted instants: years 1900–2200, UTC (end exclusive). */
export const MIN_TIME_MS = Date.UTC(1900, 0, 1);
export const MAX_TIME_MS = Date.UTC(2201, 0, 1);
export const TIME_OUT_OF_RANGE = 'time is out of range (years 1900–2200)';

// `Date.parse` accepts odd shapes ("2020-1-1", "Jan 1 2020") and reads offset-less
// strings as local time, so we accept only this grammar and compute the instant ourselves.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Offset east of UTC in minutes, or null when hours or minutes are out of range. */
function offsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Parses an ISO 8601 date-time that carries `Z` or a `±hh:mm` / `±hhmm` offset,
 * separator `T` or space, optional seconds and fraction (kept to the millisecond,
 * further digits cut). Returns epoch milliseconds, or an error message.
 */
export function parseIsoTime(text: string): number | string {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return `time ${quoteForMessage(text)} is not ISO 8601 with a UTC offset or Z`;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match as unknown as string[];
  if (zone === undefined) {
    return `time ${quoteForMessage(text)} has no UTC offset: add Z or ±hh:mm (local time is ambiguous)`;
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const offset = offsetMinutes(zone);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offset === null
  ) {
    return `time ${quoteForMessage(text)} is not a valid calendar date and time`;
  }
  // Date.UTC maps years 0–99 to 1900–1999, so out-of-range years are refused before it.
  if (year < 1899 || year > 2201) return TIME_OUT_OF_RANGE;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  if (ms < MIN_TIME_MS || ms >= MAX_TIME_MS) return TIME_OUT_OF_RANGE;
  return ms;
}
