import { z } from 'zod';

// Durations are written the way people say them (`30s`, `10m`, `1h`, `2d`) both in rule
// documents and inside expressions, so a rule reads the same in the editor and in storage.
// They are converted to milliseconds once, when a rule is compiled.

export const DURATION_UNIT_MS = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
} as const;

export type DurationUnit = keyof typeof DURATION_UNIT_MS;

export function isDurationUnit(text: string): text is DurationUnit {
  return Object.hasOwn(DURATION_UNIT_MS, text);
}

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(s|m|h|d)$/;

/** The longest duration a rule may name anywhere (a year and a day covers every use). */
export const MAX_DURATION_MS = 366 * DURATION_UNIT_MS.d;

/** Windows keep every value they span in memory, so they are bounded more tightly. */
export const MAX_WINDOW_MS = 31 * DURATION_UNIT_MS.d;

/** Milliseconds of a duration text such as `10m`, or null if it is not one. */
export function parseDuration(text: string): number | null {
  const match = DURATION_PATTERN.exec(text);
  const unit = match?.[2];
  if (!match || unit === undefined || !isDurationUnit(unit)) return null;
  return Math.round(Number(match[1]) * DURATION_UNIT_MS[unit]);
}

/** Milliseconds of a duration text such as `10m`; throws RangeError for anything else. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new RangeError(`"${text}" is not a duration like 30s, 10m, 1h or 2d`);
  return ms;
}

// Zod runs refinements even after a failed pattern check, so they must not throw.
const atMost = (limit: number) => (text: string) => (parseDuration(text) ?? 0) <= limit;

/** A duration text in a rule document, checked and bounded; stays a string in the type. */
export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, 'a duration is a number and a unit: 30s, 10m, 1h or 2d')
  .refine(atMost(MAX_DURATION_MS), 'a duration may be at most 366d');

/** The same, but zero is not allowed (windows, lateness and the like). */
export const positiveDurationSchema = durationSchema.refine(
  (text) => (parseDuration(text) ?? 1) > 0,
  'this duration must be longer than zero',
);

/** Milliseconds printed back as the shortest exact duration text (for messages and tests). */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = DURATION_UNIT_MS[unit];
    if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms / 1000}s`;
}

/** A window's length: longer than zero, at most 31 days. */
export const windowDurationSchema = positiveDurationSchema.refine(
  atMost(MAX_WINDOW_MS),
  'a window may be at most 31d',
);
