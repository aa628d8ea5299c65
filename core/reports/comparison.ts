import type { Comparison } from '../contracts/report';
import type { Series } from './series';

/**
 * One quantity at two stations over their common timestamps: how many, the mean of a − b,
 * and Pearson's correlation (null below 3 common samples or when either side is constant).
 */
export function compareSeries(a: string, seriesA: Series, b: string, seriesB: Series): Comparison {
  const atB = new Map<number, number>();
  seriesB.times.forEach((t, i) => atB.set(t, seriesB.values[i]!));
  const pairs: [number, number][] = [];
  seriesA.times.forEach((t, i) => {
    const other = atB.get(t);
    if (other !== undefined) pairs.push([seriesA.values[i]!, other]);
  });
  const n = pairs.length;
  if (n === 0) return { a, b, commonSamples: 0, meanDifference: null, correlation: null };
  const meanA = pairs.reduce((sum, [x]) => sum + x, 0) / n;
  const meanB = pairs.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - meanA) * (y - meanB);
    sxx += (x - meanA) ** 2;
    syy += (y - meanB) ** 2;
  }
  const correlation = n < 3 || sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
  return {
    a,
    b,
    commonSamples: n,
    meanDifference: meanA - meanB,
    // Rounding can push |r| a hair past 1 for perfectly linear data.
    correlation: correlation === null ? null : Math.max(-1, Math.min(1, correlation)),
  };
}

/**
 * Which datastreams to compare: the same instrument and variable at different stations
 * (`sattelberg.aws.air_temperature` with `ellboegen.aws.air_temperature`), each pair once.
 */
export function comparablePairs(keys: readonly string[]): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const key of [...keys].sort()) {
    const [station, ...rest] = key.split('.');
    if (station === undefined || rest.length === 0) continue;
    const group = rest.join('.');
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const pairs: [string, string][] = [];
  for (const members of groups.values()) {
    members.forEach((a, i) => members.slice(i + 1).forEach((b) => pairs.push([a, b])));
  }
  return pairs;
}
