// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  endsNow,
  followRange,
  overlaps,
  presetRange,
  slideIntervalMs,
  windowEnd,
} from './timeRange';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('windowEnd', () => {
  it('ends now for a live datastream or one without data', () => {
    expect(windowEnd(DAY, NOW - 10 * 60_000, NOW)).toBe(NOW);
    expect(windowEnd(DAY, null, NOW)).toBe(NOW);
  });

  it('ends just after the newest data of an archive, so the plot is not empty', () => {
    const last = Date.parse('2019-06-30T23:50:00Z');
    const end = windowEnd(DAY, last, NOW);
    expect(end).toBeGreaterThan(last);
    expect(end - last).toBeLessThanOrEqual(DAY * 0.02);
  });

  it('ends at data stamped in the future (station clock ahead)', () => {
    expect(windowEnd(DAY, NOW + 5000, NOW)).toBe(NOW + 5000);
  });
});

describe('presetRange', () => {
  it('spans the preset width', () => {
    expect(presetRange('24h', null, NOW)).toEqual({ from: NOW - DAY, to: NOW });
    expect(presetRange('7d', NOW - 2 * DAY, NOW)).toEqual({ from: NOW - 7 * DAY, to: NOW });
  });

  it('is the stored range, autoranged, for "all"', () => {
    expect(presetRange('all', NOW, NOW)).toBeNull();
  });

  it('covers the newest data of an old archive', () => {
    const last = Date.parse('2019-06-30T23:50:00Z');
    const range = presetRange('1h', last, NOW);
    expect(range && range.from < last && last < range.to).toBe(true);
  });
});

describe('helpers', () => {
  it('overlaps and endsNow', () => {
    expect(overlaps({ from: 0, to: 10 }, { from: 5, to: 20 })).toBe(true);
    expect(overlaps({ from: 0, to: 10 }, { from: 10, to: 20 })).toBe(false);
    expect(endsNow({ from: 0, to: NOW - 1000 }, NOW)).toBe(true);
  });

  it('slides once per pixel of time, within 1–30 s', () => {
    expect(slideIntervalMs(3_600_000, 1200)).toBe(3000);
    expect(slideIntervalMs(60_000, 1200)).toBe(1000);
    expect(slideIntervalMs(365 * DAY, 1200)).toBe(30_000);
  });
});

describe('followRange', () => {
  it('ends on the next whole slide step, so it moves in steps', () => {
    // 24 h on 1,200 px: a step of 30 s (the longest).
    const range = followRange('24h', NOW - 5000, NOW + 1000, 1200);
    expect(range).toEqual({ from: NOW + 30_000 - DAY, to: NOW + 30_000 });
    expect(followRange('24h', NOW - 5000, NOW + 29_000, 1200)).toEqual(range);
    // 1 h on 1,200 px: a step of 3 s, a pixel of time.
    expect(followRange('1h', null, NOW + 1, 1200)?.to).toBe(NOW + 3000);
  });

  it('still shows the newest data of an archive, and nothing for "all"', () => {
    const last = Date.parse('2019-06-30T23:50:00Z');
    const range = followRange('24h', last, NOW, 1200);
    expect(range && range.from < last && last < range.to).toBe(true);
    expect(followRange('all', last, NOW, 1200)).toBeNull();
  });
});
