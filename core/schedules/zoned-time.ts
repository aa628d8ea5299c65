// Wall-clock time in an IANA time zone, from Intl alone (core has no date library): the
// zone's offset at an instant, and the instant of a wall-clock time on a local date.

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone (seconds precision). */
export function wallClockOf(timeZone: string, atMs: number) {
  const parts = formatterOf(timeZone).formatToParts(new Date(atMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const w = wallClockOf(timeZone, atMs);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (atMs - (((atMs % 1000) + 1000) % 1000));
}

/**
 * The instant a wall clock in the zone shows `minutes` after midnight on `date`. Across
 * DST: a time that happens twice (autumn) is its first occurrence; a time that does not
 * happen (spring gap) is moved forward by the gap, as clocks are (02:30 → 03:30).
 */
export function instantOfWallTime(timeZone: string, date: LocalDate, minutes: number): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const before = zoneOffsetMs(timeZone, naive - 86_400_000);
  const after = zoneOffsetMs(timeZone, naive + 86_400_000);
  const matches = [naive - before, naive - after].filter(
    (t) => t + zoneOffsetMs(timeZone, t) === naive,
  );
  if (matches.length > 0) return Math.min(...matches);
  return naive - before;
}

/** The local date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDateOf(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
