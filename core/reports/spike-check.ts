import type { Finding } from '../contracts/report';
import { runsWhere, type Series } from './series';

export interface SpikeRule {
  /** Neighbours on each side that vote (fewer near a gap or the window's edge). */
  neighbours: number;
  /** Neighbours further away than this in time do not vote (they are across a gap). */
  maxDistanceMs: number;
  /** How many robust standard deviations (1.4826 × MAD) make a spike. */
  k: number;
  /** The departure must also exceed this, in the datastream's unit (rounded data has MAD 0). */
  floor: number;
}

/** Fewer voting neighbours than this and a value is not judged at all. */
const MIN_VOTERS = 4;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The Hampel test: a value is a spike when it departs from the median of its neighbours
 * (not itself) by more than max(k × 1.4826 × MAD, floor). One value that jumps and comes
 * back is a spike; a step to a new level is not, because half the neighbours follow it.
 * Consecutive spikes are one finding.
 */
export function spikeCheck(datastream: string, series: Series, rule: SpikeRule): Finding[] {
  const { times, values } = series;
  const judged = values.map((value, i) => {
    const voters: number[] = [];
    for (let j = i - rule.neighbours; j <= i + rule.neighbours; j++) {
      if (j === i || j < 0 || j >= values.length) continue;
      if (Math.abs(times[j]! - times[i]!) <= rule.maxDistanceMs) voters.push(values[j]!);
    }
    if (voters.length < MIN_VOTERS) return null;
    voters.sort((a, b) => a - b);
    const middle = median(voters);
    const mad = median(voters.map((v) => Math.abs(v - middle)).sort((a, b) => a - b));
    const threshold = Math.max(rule.k * 1.4826 * mad, rule.floor);
    return { middle, threshold, spike: Math.abs(value - middle) > threshold };
  });
  return runsWhere(values.length, (i) => judged[i]?.spike === true).map(({ start, end }) => {
    let worst = start;
    for (let i = start; i <= end; i++) {
      if (
        Math.abs(values[i]! - judged[i]!.middle) > Math.abs(values[worst]! - judged[worst]!.middle)
      )
        worst = i;
    }
    const { middle, threshold } = judged[worst]!;
    const value = values[worst]!;
    return {
      check: 'spike',
      datastream,
      fromMs: times[start]!,
      toMs: times[end]!,
      count: end - start + 1,
      message: `value ${value} departs ${round(Math.abs(value - middle))} from its neighbours' median ${round(middle)} (threshold ${round(threshold)})`,
      figures: { value, median: middle, departure: value - middle, threshold },
    };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
