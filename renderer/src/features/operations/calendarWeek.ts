/**
 * The booking calendar's week, in station time. Slots are UTC instants; the grid shows a
 * week from Monday 00:00 in the chosen IANA zone, so a day may be 23 or 25 hours long
 * around a daylight-saving change and the blocks stay where the station's clocks put them.
 */

import { WEEKDAYS, zonedParts, zonedTimeToMs } from './stationTime';

export const DAY_MS = 24 * 60 * 60_000;

/** Monday 00:00 station time of the week holding `ms`. */
export function weekStartMs(ms: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - p.weekday));
  return zonedTimeToMs(
    { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() },
    zone,
  );
}

/** Moves a week start by whole weeks in station time (not by 7 × 24 h). */
export function shiftWeek(startMs: number, weeks: number, zone: string): number {
  return weekStartMs(startMs + weeks * 7 * DAY_MS + DAY_MS / 2, zone);
}

export interface CalendarDay {
  startMs: number;
  endMs: number;
  label: string;
}

export function weekDays(startMs: number, zone: string): CalendarDay[] {
  const first = zonedParts(startMs, zone);
  return Array.from({ length: 7 }, (_, i) => {
    const date = (offset: number) => {
      const d = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    };
    const day = date(i);
    return {
      startMs: zonedTimeToMs(day, zone),
      endMs: zonedTimeToMs(date(i + 1), zone),
      label: `${WEEKDAYS[i]} ${day.day}.${day.month}.`,
    };
  });
}

export interface SlotBlock {
  day: number;
  /** Fractions of the day column, 0 at midnight. */
  top: number;
  height: number;
}

/** Where a slot shows in the week: one block per day it touches. */
export function blocksOf(slot: { startMs: number; endMs: number }, days: CalendarDay[]) {
  const blocks: SlotBlock[] = [];
  days.forEach((day, index) => {
    const from = Math.max(slot.startMs, day.startMs);
    const to = Math.min(slot.endMs, day.endMs);
    if (to <= from) return;
    const length = day.endMs - day.startMs;
    blocks.push({
      day: index,
      top: (from - day.startMs) / length,
      height: (to - from) / length,
    });
  });
  return blocks;
}
