import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spikeCheck, type SpikeRule } from './spike-check';

const MIN10 = 600_000;
const at = (i: number) => Date.UTC(2017, 0, 1) + i * MIN10;
const seriesOf = (values: number[]) => ({ times: values.map((_, i) => at(i)), values });
const rule: SpikeRule = { neighbours: 6, maxDistanceMs: 6 * MIN10, k: 8, floor: 2 };

describe('spike check (Hampel: departure from the neighbours’ median)', () => {
  it('finds a single value that jumps and comes back, as on Sattelberg 2017-01-18 12:30', () => {
    const values = [
      773.4, 773.6, 773.5, 773.7, 773.6, 773.8, 744.1, 773.7, 773.9, 773.8, 774, 773.9,
    ];
    const findings = spikeCheck('sattelberg.aws.air_pressure', seriesOf(values), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'spike', fromMs: at(6), toMs: at(6), count: 1 });
    expect(findings[0]!.figures.value).toBe(744.1);
    expect(findings[0]!.figures.median).toBeCloseTo(773.7, 5);
  });

  it('does not call a step to a new level a spike', () => {
    const values = [...Array<number>(12).fill(5), ...Array<number>(12).fill(15)];
    expect(spikeCheck('k', seriesOf(values), rule)).toEqual([]);
  });

  it('ignores changes below the floor although rounded data has a MAD of 0', () => {
    const values = [1, 1, 1, 1, 1, 1, 2.5, 1, 1, 1, 1, 1];
    expect(spikeCheck('k', seriesOf(values), rule)).toEqual([]);
  });

  it('does not judge across a gap: neighbours too far away do not vote', () => {
    const times = [0, 1, 2, 50, 100, 101, 102].map(at);
    const values = [1, 1, 1, 40, 1, 1, 1];
    expect(spikeCheck('k', { times, values }, rule)).toEqual([]);
  });

  it('finds no spikes in a constant series, nor in a smooth one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        (level, length, slope) => {
          const constant = Array.from({ length }, () => level);
          const smooth = Array.from({ length }, (_, i) => level + slope * i);
          expect(spikeCheck('k', seriesOf(constant), { ...rule, floor: 0 })).toEqual([]);
          expect(spikeCheck('k', seriesOf(smooth), rule)).toEqual([]);
        },
      ),
    );
  });
});
