import type { Finding } from '../contracts/report';
import { runsWhere, type Series } from './series';

export interface StuckRule {
  /** A run of one value lasting at least this long is reported. */
  minDurationMs: number;
  /** Two readings further apart than this are not one run (the sensor may have been off). */
  maxStepMs: number;
  legitimatelyConstant?: (value: number) => boolean;
}

/**
 * The same value, repeated without a gap, for at least `minDurationMs` (first to last
 * reading of the run). Values that may legitimately stay constant are never stuck.
 */
export function stuckCheck(datastream: string, series: Series, rule: StuckRule): Finding[] {
  const { times, values } = series;
  const sameAsPrevious = (i: number) =>
    i > 0 && values[i] === values[i - 1] && times[i]! - times[i - 1]! <= rule.maxStepMs;
  // A run is a first reading plus every following one that repeats it.
  const repeats = runsWhere(values.length, sameAsPrevious);
  return repeats
    .map(({ start, end }) => ({ start: start - 1, end }))
    .filter(({ start, end }) => times[end]! - times[start]! >= rule.minDurationMs)
    .filter(({ start }) => !rule.legitimatelyConstant?.(values[start]!))
    .map(({ start, end }) => {
      const hours = (times[end]! - times[start]!) / 3_600_000;
      const value = values[start]!;
      return {
        check: 'stuck',
        datastream,
        fromMs: times[start]!,
        toMs: times[end]!,
        count: end - start + 1,
        message: `value ${value} repeated ${end - start + 1} times over ${Math.round(hours * 10) / 10} h`,
        figures: { value, hours, limitHours: rule.minDurationMs / 3_600_000 },
      };
    });
}
