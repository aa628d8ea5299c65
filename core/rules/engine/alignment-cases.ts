import fc from 'fast-check';
import type { Observation } from '../../domain/observation';
import type { Rule } from '../rule-schema';
import type { AlertEvent } from './events';
import { createRuleEngine } from './rule-engine';
import type { EngineSnapshot } from './snapshot';
import { STEP, T0, testRule } from './test-support';

// Used by tests only: rules and streams for the alignment properties. Rules read several
// datastreams that reach the analyzer interleaved in any order (other partitions, other
// stations, a hut catching up); results must not depend on that order.

export const rule = testRule({
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'expression', expression: 'x - y > 2' },
      { kind: 'rateOfChange', input: 'x', direction: 'rise', by: 1, within: '30m' },
    ],
  },
  noise: { minDuration: '20m', cooldown: '20m' },
  staleAfter: '20m',
});

/** Gaps in y matter here: missing-data deadlines are instants that no observation brings. */
export const gapRule = testRule({
  condition: {
    kind: 'any',
    conditions: [
      { kind: 'missingData', input: 'y', cadence: '10m', after: '20m' },
      { kind: 'threshold', of: 'x', compare: { op: 'above', value: 5, recovery: 3 } },
    ],
  },
  noise: { flap: { window: '1h', maxTransitions: 2 } },
});

/** Schedules, tumbling windows, negation, hysteresis and cooldown together. */
export const scheduledRule = testRule({
  condition: {
    kind: 'any',
    conditions: [
      { kind: 'missingData', input: 'x', cadence: '10m', schedule: { from: '02:00', to: '05:00' } },
      {
        kind: 'not',
        condition: {
          kind: 'windowAggregate',
          input: 'y',
          aggregate: 'max',
          window: '30m',
          windowType: 'tumbling',
          compare: { op: 'above', value: 1 },
        },
      },
    ],
  },
  noise: {
    minDuration: '15m',
    cooldown: '20m',
    clear: { kind: 'expression', expression: 'x + y > 6' },
  },
  schedule: { from: '01:00', to: '08:00' },
});

/** Per-datastream series on a 10-minute grid with gaps; values small so the rule trips often. */
export const seriesArbitrary = (datastream: string) =>
  fc
    .array(fc.option(fc.integer({ min: 0, max: 6 }), { freq: 6 }), { minLength: 10, maxLength: 60 })
    .map((values) =>
      values.flatMap((value, i): Observation[] =>
        value === null ? [] : [{ datastream, timeMs: T0 + i * STEP, value, quality: null }],
      ),
    );

/** Interleaves two ordered lists: `choices` picks which one goes next. */
export function interleave<T>(a: readonly T[], b: readonly T[], choices: readonly boolean[]): T[] {
  const out: T[] = [];
  let [i, j, k] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    const takeA =
      j >= b.length || (i < a.length && (choices[k++ % Math.max(choices.length, 1)] ?? true));
    out.push(takeA ? a[i++]! : b[j++]!);
  }
  return out;
}

export const comparable = (events: readonly AlertEvent[]) =>
  events.map(({ id, type, atMs, values, startMs }) => ({ id, type, atMs, values, startMs }));

/** Streams `[observation, arrival]` pairs through one engine, restarting it from a checkpoint once. */
export function streamed(
  rule: Rule,
  arrivals: readonly [Observation, number][],
  restartAt: number,
  toMs: number,
) {
  let engine = createRuleEngine(rule);
  const events: AlertEvent[] = [];
  arrivals.forEach(([observation, arrivalMs], index) => {
    if (index === restartAt) {
      const checkpoint = JSON.parse(JSON.stringify(engine.snapshot())) as unknown;
      engine = createRuleEngine(rule, { snapshot: checkpoint as EngineSnapshot });
    }
    events.push(...engine.ingest(observation, arrivalMs).events);
  });
  events.push(...engine.finish(toMs).events);
  return events;
}

export const RULES = [
  ['windows and a minimum duration', rule],
  ['missing data and flapping', gapRule],
  ['schedules, tumbling windows, negation, cooldown', scheduledRule],
] as const;
export const toMs = T0 + 60 * STEP;
