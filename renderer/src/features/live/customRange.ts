import type { TimeRange } from '../../state/selection';

/** What a `datetime-local` input holds for a UTC time (minutes): `2026-11-25T12:00`. */
export function toUtcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** Two UTC `datetime-local` values as a range, or why they are not one. */
export function customRangeOf(from: string, to: string): TimeRange | { error: string } {
  const fromMs = utcMs(from);
  const toMs = utcMs(to);
  if (fromMs === null || toMs === null) {
    return { error: 'give both times, as date and time (UTC)' };
  }
  if (fromMs >= toMs) return { error: 'the start must come before the end' };
  return { from: fromMs, to: toMs };
}

/** Strictly `YYYY-MM-DDTHH:MM`: Date.parse alone reads even ":00Z" as a date. */
function utcMs(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isFinite(ms) ? ms : null;
}
