import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stuckCheck, type StuckRule } from './stuck-check';

const MIN10 = 600_000;
const HOUR = 3_600_000;
const at = (i: number) => Date.UTC(2017, 10, 15) + i * MIN10;
const seriesOf = (values: number[]) => ({ times: values.map((_, i) => at(i)), values });
const rule: StuckRule = { minDurationMs: 6 * HOUR, maxStepMs: 3 * MIN10 };

describe('stuck-sensor check', () => {
  it('reports a value repeated for longer than the period, with span and count', () => {
    const values = [1, 2, ...Array<number>(40).fill(0), 3];
    const findings = stuckCheck('sattelberg.aws.wind_speed', seriesOf(values), rule);
    expect(findings).toEqual([
      expect.objectContaining({ check: 'stuck', fromMs: at(2), toMs: at(41), count: 40 }),
    ]);
    expect(findings[0]!.figures).toMatchObject({ value: 0, hours: 6.5, limitHours: 6 });
  });

  it('lets shorter runs and legitimately constant values be', () => {
    expect(stuckCheck('k', seriesOf(Array<number>(36).fill(4)), rule)).toEqual([]); // 5 h 50 min
    const saturated = { ...rule, legitimatelyConstant: (v: number) => v >= 97 };
    expect(stuckCheck('k', seriesOf(Array<number>(100).fill(99)), saturated)).toEqual([]);
  });

  it('does not join readings across a gap into one run', () => {
    const times = [
      ...Array.from({ length: 20 }, (_, i) => at(i)),
      ...Array.from({ length: 20 }, (_, i) => at(i + 30)),
    ];
    expect(stuckCheck('k', { times, values: Array<number>(40).fill(7) }, rule)).toEqual([]);
  });

  it('never reports a series whose consecutive values all differ', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (steps) => {
        const values = steps.map((s, i) => i * 1000 + s); // strictly increasing
        expect(stuckCheck('k', seriesOf(values), rule)).toEqual([]);
      }),
    );
  });
});
