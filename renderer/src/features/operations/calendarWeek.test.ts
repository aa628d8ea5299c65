import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksOf, shiftWeek, weekDays, weekStartMs } from './calendarWeek';
import { formatStationTime, fromLocalInput, toLocalInput } from './stationTime';

const VIENNA = 'Europe/Vienna';

describe('the calendar week in station time', () => {
  it('starts on Monday 00:00 station time', () => {
    const wednesday = Date.parse('2026-11-25T06:38:00Z');
    expect(new Date(weekStartMs(wednesday, VIENNA)).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(new Date(weekStartMs(wednesday, 'UTC')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('has a 23-hour Sunday when the clocks go forward', () => {
    const start = weekStartMs(Date.parse('2026-03-25T12:00:00Z'), VIENNA);
    const days = weekDays(start, VIENNA);
    expect(days.map((d) => (d.endMs - d.startMs) / 3_600_000)).toEqual([
      24, 24, 24, 24, 24, 24, 23,
    ]);
    expect(days[0]?.label).toBe('Mon 23.3.');
    expect(new Date(shiftWeek(start, 1, VIENNA)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('splits a night slot over the two days it touches', () => {
    const days = weekDays(weekStartMs(Date.parse('2026-11-25T12:00:00Z'), 'UTC'), 'UTC');
    const night = {
      startMs: Date.parse('2026-11-25T18:00:00Z'),
      endMs: Date.parse('2026-11-26T06:00:00Z'),
    };
    expect(blocksOf(night, days)).toEqual([
      { day: 2, top: 0.75, height: 0.25 },
      { day: 3, top: 0, height: 0.25 },
    ]);
  });

  it('reads back what it shows in an input, in any zone, for any minute', () => {
    const zones = fc.constantFrom('UTC', VIENNA, 'America/Santiago', 'Asia/Kathmandu');
    const minute = fc
      .integer({ min: 0, max: 2 * 365 * 24 * 60 })
      .map((m) => Date.UTC(2026, 0, 1) + m * 60_000);
    fc.assert(
      fc.property(zones, minute, (zone, ms) => {
        const shown = toLocalInput(ms, zone);
        const back = fromLocalInput(shown, zone);
        // In the repeated hour of a fall-back the wall time names two instants: either is it.
        expect(back === null ? null : toLocalInput(back, zone)).toBe(shown);
      }),
    );
    expect(fromLocalInput('2026-11-25', VIENNA)).toBeNull();
  });

  it('names a time the way the station reads its clock', () => {
    expect(formatStationTime(Date.parse('2026-11-25T20:00:00Z'), VIENNA)).toBe('Wed 25.11. 21:00');
  });
});
