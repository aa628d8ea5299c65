import type { Finding } from '../contracts/report';
import { runsWhere, type Series } from './series';

export interface Limits {
  min: number;
  max: number;
  /** Where they came from: `catalog`, or the default for the quantity. */
  source: string;
}

/**
 * Values outside [min, max]: one finding per run of consecutive values out of range, with
 * the span, how many values, their extreme and the limits used.
 */
export function rangeCheck(datastream: string, series: Series, limits: Limits): Finding[] {
  const { times, values } = series;
  const outside = (i: number) => values[i]! < limits.min || values[i]! > limits.max;
  return runsWhere(values.length, outside).map(({ start, end }) => {
    const run = values.slice(start, end + 1);
    const lowest = Math.min(...run);
    const highest = Math.max(...run);
    return {
      check: 'range',
      datastream,
      fromMs: times[start]!,
      toMs: times[end]!,
      count: run.length,
      message: `${run.length} value(s) outside ${limits.min}…${limits.max} (${limits.source}): lowest ${lowest}, highest ${highest}`,
      figures: { min: lowest, max: highest, limitMin: limits.min, limitMax: limits.max },
    };
  });
}
