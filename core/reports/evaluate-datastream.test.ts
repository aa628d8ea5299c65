import { describe, expect, it } from 'vitest';
import { evaluationChecks } from '../contracts/evaluation';
import {
  evaluateDatastream,
  MAX_FINDINGS_PER_CHECK,
  type DatastreamInput,
} from './evaluate-datastream';
import { assembleReport } from './evaluate';

const MIN10 = 600_000;
const day = Date.UTC(2017, 10, 15);
const window = { fromMs: day, toMs: day + 86_400_000 };
const input = (
  over: Partial<DatastreamInput> & Pick<DatastreamInput, 'series'>,
): DatastreamInput => ({
  key: 'sattelberg.aws.wind_speed',
  variable: 'wind_speed',
  unit: 'm/s',
  cadenceSeconds: 600,
  catalogLimits: { min: null, max: null },
  ...over,
});
const every10 = (values: number[]) => ({ times: values.map((_, i) => day + i * MIN10), values });

describe('evaluating one datastream', () => {
  it('runs every check with the quantity’s defaults and says which limits it used', () => {
    // An iced anemometer: 0 m/s from 00:00 for 14 h, then a value beyond any storm.
    const values = [...Array<number>(85).fill(0), 4, 5, 120, 5, 4];
    const { summary, findings } = evaluateDatastream(
      input({ series: every10(values) }),
      window,
      evaluationChecks,
    );
    expect(summary.limits).toEqual({ min: 0, max: 75, source: 'default for wind speed' });
    expect(summary.completeness).toMatchObject({ expected: 144, present: 90 });
    expect(summary.statistics).toMatchObject({ count: 90, max: 120 });
    expect(summary.findingCounts).toEqual({ range: 1, spike: 1, stuck: 1 });
    expect(findings.map((f) => f.check).sort()).toEqual(['range', 'spike', 'stuck']);
  });

  it('prefers the catalog’s limits, skips what does not apply, and caps stored findings', () => {
    const values = Array.from({ length: 144 }, (_, i) => (i % 2 === 0 ? 400 : 10));
    const direction = input({
      key: 's.aws.wind_direction',
      variable: 'wind_direction',
      unit: 'deg',
      catalogLimits: { min: null, max: 350 },
      series: every10(values),
    });
    const { summary, findings } = evaluateDatastream(direction, window, evaluationChecks);
    expect(summary.limits).toEqual({ min: 0, max: 350, source: 'catalog' });
    expect(summary.findingCounts.range).toBe(72);
    expect(findings.filter((f) => f.check === 'range')).toHaveLength(MAX_FINDINGS_PER_CHECK);
    expect(summary.skipped.join()).toContain('spike');
    expect(
      assembleReport([{ input: direction, result: { summary, findings } }], evaluationChecks)
        .summary.truncated,
    ).toBe(true);
  });

  it('compares stations and totals completeness when assembling the report', () => {
    const a = input({
      key: 'a.aws.air_temperature',
      variable: 'air_temperature',
      unit: 'degC',
      series: every10([1, 2, 3, 4]),
    });
    const b = input({
      key: 'b.aws.air_temperature',
      variable: 'air_temperature',
      unit: 'degC',
      series: every10([0, 1, 2, 3]),
    });
    const evaluated = [a, b].map((i) => ({
      input: i,
      result: evaluateDatastream(i, window, evaluationChecks),
    }));
    const { summary } = assembleReport(evaluated, evaluationChecks);
    expect(summary.completeness).toBeCloseTo(8 / 288, 10);
    expect(summary.comparisons).toEqual([
      {
        a: 'a.aws.air_temperature',
        b: 'b.aws.air_temperature',
        commonSamples: 4,
        meanDifference: 1,
        correlation: 1,
      },
    ]);
    expect(assembleReport(evaluated, ['range']).summary.comparisons).toEqual([]);
  });
});
