/** Instants shown and read in station time: an IANA zone, through Intl only. */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function zonedParts(ms: number, zone: string): ZonedParts {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The instant at which the zone's wall clock shows this date and time. */
export function zonedTimeToMs(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number },
  zone: string,
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0);
  let guess = asUtc;
  // Two rounds settle the offset, also on the days the offset changes.
  for (let round = 0; round < 2; round += 1) {
    const seen = zonedParts(guess, zone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += asUtc - seenAsUtc;
  }
  return guess;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Wed 25.11. 21:00" in station time. */
export function formatStationTime(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${WEEKDAYS[p.weekday]} ${p.day}.${p.month}. ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The value of an `<input type="datetime-local">` showing `ms` in station time. */
export function toLocalInput(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** An `<input type="datetime-local">` value read as station time; null when incomplete. */
export function fromLocalInput(value: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = match.slice(1).map(Number);
  return zonedTimeToMs({ year, month, day, hour, minute }, zone);
}
