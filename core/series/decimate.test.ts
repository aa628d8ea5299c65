import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimateMinMax, withGaps } from './decimate';

const sortedSeries = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 100_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
    ),
    {
      minLength: 1,
      maxLength: 3000,
    },
  )
  .map((pairs) => {
    const t: number[] = [];
    const v: number[] = [];
    let time = 1_500_000_000_000;
    for (const [step, value] of pairs) {
      time += step;
      t.push(time);
      v.push(value);
    }
    return { t, v };
  });

describe('decimateMinMax', () => {
  it('never returns more than maxPoints entries and keeps the extremes', () => {
    fc.assert(
      fc.property(
        sortedSeries,
        fc.integer({ min: 5, max: 500 }),
        fc.integer({ min: 1, max: 50_000 }),
        (s, maxPoints, gapMs) => {
          const out = decimateMinMax(s.t, s.v, maxPoints, gapMs);
          expect(out.t.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(out.t.length).toBe(out.v.length);
          const values = out.v.filter((x): x is number => x !== null);
          expect(Math.max(...values)).toBe(Math.max(...s.v));
          expect(Math.min(...values)).toBe(Math.min(...s.v));
          for (let i = 1; i < out.t.length; i += 1)
            expect(out.t[i]).toBeGreaterThan(out.t[i - 1] as number);
        },
      ),
    );
  });

  it('keeps a single spike in a year of 10-minute data', () => {
    const t = Array.from({ length: 52_560 }, (_, i) => i * 600_000);
    const v = t.map((_, i) => (i === 31_337 ? 99 : Math.sin(i / 100)));
    const out = decimateMinMax(t, v, 2000, 1_500_000);
    expect(out.t.length).toBeLessThanOrEqual(2000);
    expect(out.v).toContain(99);
  });

  it('draws a gap where a day of data is missing, also after decimation', () => {
    const t: number[] = [];
    for (let i = 0; i < 20_000; i += 1) if (i < 5000 || i > 5144) t.push(i * 600_000);
    const v = t.map(() => 1);
    const out = decimateMinMax(t, v, 1000, 1_500_000);
    const gapIndex = out.v.indexOf(null);
    expect(gapIndex).toBeGreaterThan(0);
    expect(out.t[gapIndex - 1]).toBe(4999 * 600_000);
    expect(out.t[gapIndex + 1]).toBe(5145 * 600_000);
  });
});

describe('withGaps', () => {
  it('inserts a null between points further apart than the threshold only', () => {
    expect(withGaps([0, 10, 20, 100, 110], [1, 2, 3, 4, 5], 25)).toEqual({
      t: [0, 10, 20, 60, 100, 110],
      v: [1, 2, 3, null, 4, 5],
    });
  });
});
