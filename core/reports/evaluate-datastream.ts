import type { EvaluationCheck } from '../contracts/evaluation';
import type { DatastreamSummary, Finding } from '../contracts/report';
import { completeness } from './completeness';
import { profileOf } from './quantities';
import { rangeCheck, type Limits } from './range-check';
import type { Series } from './series';
import { spikeCheck } from './spike-check';
import { statistics } from './statistics';
import { stuckCheck } from './stuck-check';

/** Stored findings per datastream and check; the counts stay exact (a dead sensor fails all day). */
export const MAX_FINDINGS_PER_CHECK = 50;

export interface DatastreamInput {
  key: string;
  variable: string;
  unit: string;
  cadenceSeconds: number | null;
  /** Plausible limits from the catalog, when someone set them; else the quantity's default. */
  catalogLimits: { min: number | null; max: number | null };
  series: Series;
}

/** The typical step between readings: the cadence, else the median spacing, else 10 minutes. */
function stepMs(input: DatastreamInput): number {
  if (input.cadenceSeconds !== null) return input.cadenceSeconds * 1000;
  const { times } = input.series;
  const steps = times
    .slice(1)
    .map((t, i) => t - times[i]!)
    .sort((a, b) => a - b);
  return steps[steps.length >> 1] ?? 600_000;
}

function limitsOf(
  input: DatastreamInput,
  fallback: { min: number; max: number } | null,
): Limits | null {
  const { min, max } = input.catalogLimits;
  if (min !== null || max !== null) {
    // One side from the catalog, the other from the default (or unbounded).
    const min2 = min ?? fallback?.min ?? -Number.MAX_VALUE;
    return { min: min2, max: max ?? fallback?.max ?? Number.MAX_VALUE, source: 'catalog' };
  }
  return fallback && { ...fallback, source: 'default' };
}

/** Every asked-for check on one datastream over [fromMs, toMs), and its statistics. */
export function evaluateDatastream(
  input: DatastreamInput,
  window: { fromMs: number; toMs: number },
  checks: readonly EvaluationCheck[],
): { summary: DatastreamSummary; findings: Finding[] } {
  const { key, series } = input;
  const profile = profileOf(input.variable, input.unit);
  const step = stepMs(input);
  const skipped = [...(profile.notes ?? [])];
  const limits = checks.includes('range') ? limitsOf(input, profile.range) : null;
  const found: Record<string, Finding[]> = {};
  if (limits) found.range = rangeCheck(key, series, limits);
  if (checks.includes('spike') && profile.spikeFloor !== null) {
    const rule = { neighbours: 6, maxDistanceMs: 6 * step, k: 8, floor: profile.spikeFloor };
    found.spike = spikeCheck(key, series, rule);
  }
  if (checks.includes('stuck') && profile.stuckAfterMs !== null) {
    found.stuck = stuckCheck(key, series, {
      minDurationMs: profile.stuckAfterMs,
      maxStepMs: 3 * step,
      legitimatelyConstant: profile.legitimatelyConstant,
    });
  }
  const c =
    checks.includes('completeness') && input.cadenceSeconds !== null
      ? completeness(series.times, window.fromMs, window.toMs, input.cadenceSeconds * 1000)
      : null;
  const summary: DatastreamSummary = {
    datastream: key,
    unit: input.unit,
    cadenceSeconds: input.cadenceSeconds,
    completeness: c,
    statistics: statistics(series.values),
    limits: limits && {
      min: limits.min,
      max: limits.max,
      source: limits.source === 'catalog' ? 'catalog' : `default for ${profile.quantity}`,
    },
    findingCounts: Object.fromEntries(Object.entries(found).map(([k, list]) => [k, list.length])),
    skipped: skipped.filter((note) => checks.some((check) => note.startsWith(`${check}:`))),
  };
  const findings = Object.values(found).flatMap((list) => list.slice(0, MAX_FINDINGS_PER_CHECK));
  return { summary, findings };
}
