import type { EvaluationParams } from '../contracts/evaluation';

const DAY_MS = 86_400_000;

/** How far `zone`'s wall clock is ahead of UTC at `utcMs` (e.g. +1 h for Vienna in winter). */
function offsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a wall-clock time in `zone` happens (twice refined: offsets change at DST). */
function zonedToUtc(wallMs: number, zone: string): number {
  const first = wallMs - offsetMs(wallMs, zone);
  return wallMs - offsetMs(first, zone);
}

/**
 * The evaluation's window [fromMs, toMs): as given, or the calendar day from local
 * midnight to the next (23 or 25 hours on the days the clocks change).
 */
export function windowOf(params: EvaluationParams): { fromMs: number; toMs: number } {
  if (params.day === undefined) return { fromMs: params.fromMs!, toMs: params.toMs! };
  const zone = params.timeZone ?? 'UTC';
  const midnight = Date.parse(`${params.day}T00:00:00Z`);
  return { fromMs: zonedToUtc(midnight, zone), toMs: zonedToUtc(midnight + DAY_MS, zone) };
}
