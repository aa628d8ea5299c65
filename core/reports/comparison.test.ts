import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparablePairs, compareSeries } from './comparison';

const at = (i: number) => Date.UTC(2017, 0, 1) + i * 600_000;

describe('station comparison', () => {
  it('pairs the same instrument and variable at different stations', () => {
    const keys = [
      'sattelberg.aws.air_temperature',
      'ellboegen.aws.air_temperature',
      'sattelberg.aws.air_pressure',
      'ellboegen.aws_hourly.air_pressure',
    ];
    expect(comparablePairs(keys)).toEqual([
      ['ellboegen.aws.air_temperature', 'sattelberg.aws.air_temperature'],
    ]);
  });

  it('compares over common timestamps only: count, mean difference, correlation', () => {
    const a = { times: [0, 1, 2, 3, 4].map(at), values: [10, 11, 12, 13, 99] };
    const b = { times: [1, 2, 3, 5].map(at), values: [5, 7, 9, 0] };
    const c = compareSeries('a', a, 'b', b);
    expect(c).toMatchObject({ commonSamples: 3, meanDifference: 5 });
    expect(c.correlation).toBeCloseTo(1, 10);
    expect(compareSeries('a', a, 'b', { times: [], values: [] })).toMatchObject({
      commonSamples: 0,
      meanDifference: null,
      correlation: null,
    });
  });

  it('keeps the correlation within −1…1, and a shifted copy has difference = shift, r = 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((n) => n / 10),
          { minLength: 3, maxLength: 100 },
        ),
        fc.integer({ min: -100, max: 100 }).map((n) => n / 10),
        (values, shift) => {
          const times = values.map((_, i) => at(i));
          const c = compareSeries('a', { times, values }, 'b', {
            times,
            values: values.map((v) => v - shift),
          });
          expect(c.meanDifference!).toBeCloseTo(shift, 6);
          if (c.correlation !== null) {
            expect(Math.abs(c.correlation)).toBeLessThanOrEqual(1);
            if (new Set(values).size > 2) expect(c.correlation).toBeCloseTo(1, 6);
          }
        },
      ),
    );
  });
});
