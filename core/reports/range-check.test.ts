import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeCheck } from './range-check';

const MIN10 = 600_000;
const at = (i: number) => Date.UTC(2017, 0, 1) + i * MIN10;
const seriesOf = (values: number[]) => ({ times: values.map((_, i) => at(i)), values });
const limits = { min: -60, max: 50, source: 'default' };

describe('range check', () => {
  it('reports each run of values outside the limits with its span, count and extremes', () => {
    const findings = rangeCheck('x.aws.t', seriesOf([1, 2, -999, -999, 3, 4, 99.9, 5]), limits);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      check: 'range',
      datastream: 'x.aws.t',
      fromMs: at(2),
      toMs: at(3),
      count: 2,
      figures: { min: -999, max: -999, limitMin: -60, limitMax: 50 },
    });
    expect(findings[0]!.message).toContain('-60…50 (default)');
    expect(findings[1]).toMatchObject({ fromMs: at(6), toMs: at(6), count: 1 });
  });

  it('finds nothing in a series inside its range, and counts every value outside it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -200, max: 200, noNaN: true })), (values) => {
        const findings = rangeCheck('k', seriesOf(values), limits);
        const outside = values.filter((v) => v < -60 || v > 50).length;
        expect(findings.reduce((sum, f) => sum + f.count, 0)).toBe(outside);
        if (outside === 0) expect(findings).toEqual([]);
      }),
    );
  });
});
