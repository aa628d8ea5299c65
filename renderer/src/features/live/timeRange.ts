import type { RangePreset, TimeRange } from '../../state/selection';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Width of each preset window; null for "all" (the whole stored range, autoranged). */
export const PRESET_SPAN_MS: Record<RangePreset, number | null> = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '1y': 365 * DAY,
  all: null,
};

/** Room left after the newest point of an archive, so it does not sit on the plot's edge. */
const ARCHIVE_PADDING = 0.02;

/**
 * Where a window of `spanMs` ends. Now, when the newest data lies within one window of
 * now (a live station). Otherwise just after the newest data: much of the archive ends
 * years ago (2006–2019), and a window ending now would show an empty plot.
 */
export function windowEnd(spanMs: number, latestDataT: number | null, now: number): number {
  if (latestDataT === null) return now;
  if (latestDataT >= now) return latestDataT;
  if (now - latestDataT <= spanMs) return now;
  return Math.min(now, latestDataT + spanMs * ARCHIVE_PADDING);
}

/** The window a preset shows, given the newest data of the datastreams in the panel. */
export function presetRange(
  preset: RangePreset,
  latestDataT: number | null,
  now: number,
): TimeRange | null {
  const span = PRESET_SPAN_MS[preset];
  if (span === null) return null;
  const to = windowEnd(span, latestDataT, now);
  return { from: to - span, to };
}

/**
 * The window a following panel shows: the preset's, with its end rounded up to a whole
 * slide step (about a pixel of time). It then moves only when the clock crosses a step,
 * one redraw per step, instead of with every batch of samples; rounding up keeps the
 * newest sample inside it.
 */
export function followRange(
  preset: RangePreset,
  latestDataT: number | null,
  now: number,
  plotWidthPx: number,
): TimeRange | null {
  const range = presetRange(preset, latestDataT, now);
  if (!range) return null;
  const span = range.to - range.from;
  const step = Math.round(slideIntervalMs(span, plotWidthPx));
  const to = Math.ceil(range.to / step) * step;
  return { from: to - span, to };
}

/** True when the window ends at (about) now, i.e. following it means sliding with the clock. */
export function endsNow(range: TimeRange, now: number, toleranceMs = 60_000): boolean {
  return Math.abs(now - range.to) <= toleranceMs;
}

/** Whether two windows share any time at all. */
export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * How often a following window moves: once per pixel of time, but not more than once a
 * second (a relayout costs ~20 ms) and at least every 30 s so the clock visibly advances.
 */
export function slideIntervalMs(spanMs: number, plotWidthPx: number): number {
  return Math.min(30_000, Math.max(1_000, spanMs / Math.max(1, plotWidthPx)));
}
