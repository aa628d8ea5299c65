import { describe, expect, it } from 'vitest';
import { durationMs, durationSchema, formatDuration, parseDuration } from './duration';
import { activeSince, inSchedule, nextActiveStart, scheduleSchema } from './schedule';

const utc = (text: string) => Date.parse(`${text}Z`);

describe('durations', () => {
  it('read a number and a unit', () => {
    expect(['30s', '10m', '1h', '2d', '1.5h', '0s'].map(durationMs)).toEqual([
      30_000, 600_000, 3_600_000, 172_800_000, 5_400_000, 0,
    ]);
    expect(parseDuration('10 min')).toBeNull();
    expect(() => durationMs('1w')).toThrow('"1w" is not a duration like 30s, 10m, 1h or 2d');
    expect(formatDuration(5_400_000)).toBe('90m');
    expect(formatDuration(172_800_000)).toBe('2d');
  });

  it('are bounded in rule documents', () => {
    expect(durationSchema.safeParse('366d').success).toBe(true);
    expect(durationSchema.safeParse('367d').error?.issues[0]?.message).toBe(
      'a duration may be at most 366d',
    );
    expect(durationSchema.safeParse('-1m').success).toBe(false);
  });
});

describe('schedules (daily windows in UTC)', () => {
  const night = { from: '18:00', to: '06:00' };
  const morning = { from: '06:30', to: '09:00' };

  it('tell whether a time is inside, also over midnight', () => {
    expect(inSchedule(night, utc('2017-03-01T23:00'))).toBe(true);
    expect(inSchedule(night, utc('2017-03-01T05:59'))).toBe(true);
    expect(inSchedule(night, utc('2017-03-01T06:00'))).toBe(false);
    expect(inSchedule(morning, utc('2017-03-01T06:30'))).toBe(true);
    expect(inSchedule(morning, utc('2017-03-01T09:00'))).toBe(false);
    expect(inSchedule(undefined, 0)).toBe(true);
  });

  it('give the start of the current window and of the next one', () => {
    expect(activeSince(night, utc('2017-03-02T03:00'))).toBe(utc('2017-03-01T18:00'));
    expect(activeSince(night, utc('2017-03-01T19:00'))).toBe(utc('2017-03-01T18:00'));
    expect(activeSince(night, utc('2017-03-01T12:00'))).toBeNull();
    expect(nextActiveStart(night, utc('2017-03-01T18:00'))).toBe(utc('2017-03-02T18:00'));
    expect(nextActiveStart(morning, utc('2017-03-01T05:00'))).toBe(utc('2017-03-01T06:30'));
  });

  it('refuse malformed or empty windows', () => {
    expect(scheduleSchema.safeParse({ from: '24:00', to: '06:00' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ from: '6:00', to: '07:00' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ from: '06:00', to: '06:00' }).success).toBe(false);
  });
});
