import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, statistics } from './statistics';

describe('statistics', () => {
  it('gives count, extremes, mean, sample deviation and percentiles', () => {
    const s = statistics([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(s).toMatchObject({ count: 8, min: 2, max: 9, mean: 5, median: 4.5 });
    expect(s.stddev).toBeCloseTo(2.138, 3);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 10);
    expect(statistics([])).toBeNull();
    expect(statistics([3])).toMatchObject({ stddev: 0, p05: 3, p95: 3 });
  });

  it('orders min ≤ p05 ≤ median ≤ p95 ≤ max and keeps the mean between the extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        (values) => {
          const s = statistics(values)!;
          expect(s.min).toBeLessThanOrEqual(s.p05);
          expect(s.p05).toBeLessThanOrEqual(s.median);
          expect(s.median).toBeLessThanOrEqual(s.p95);
          expect(s.p95).toBeLessThanOrEqual(s.max);
          expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
          expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
          expect(s.stddev).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
