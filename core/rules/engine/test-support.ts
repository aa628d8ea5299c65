import type { Observation } from '../../domain/observation';
import { backtest, type BacktestOptions } from '../backtest';
import { parseRule, type Rule, type RuleInput } from '../rule-schema';
import type { AlertEvent } from './events';
import { createRuleEngine } from './rule-engine';

// Used by tests only: small rules over inputs x and y, and data written as lists of values
// every 10 minutes, so a test reads like a table of the situation it describes.

export const T0 = Date.UTC(2017, 2, 1);
export const MINUTE = 60_000;
export const STEP = 10 * MINUTE;
export const HOUR = 60 * MINUTE;
export const DATASTREAMS = { x: 'st.aws.x', y: 'st.aws.y' } as const;

type RuleParts = Omit<RuleInput, 'id' | 'name' | 'owner' | 'scope'> & Partial<RuleInput>;

/** A rule with inputs x and y (st.aws.x, st.aws.y) and the given parts. */
export function testRule(parts: RuleParts): Rule {
  return parseRule({
    id: 'test-rule',
    name: 'Test rule',
    owner: 'tester',
    scope: DATASTREAMS,
    ...parts,
  });
}

/** Observations every 10 minutes from `startMs`; null leaves that slot empty. */
export function every10Minutes(
  datastream: string,
  values: readonly (number | null)[],
  startMs = T0,
): Observation[] {
  return values.flatMap((value, i) =>
    value === null ? [] : [{ datastream, timeMs: startMs + i * STEP, value, quality: null }],
  );
}

export type Values = Record<string, readonly (number | null)[]>;

/** Per input, its observations from value lists (input names must be in DATASTREAMS or `keys`). */
export function observationsOf(values: Values, keys: Record<string, string> = DATASTREAMS) {
  return Object.fromEntries(
    Object.entries(values).map(([input, list]) => [
      input,
      every10Minutes(keys[input] ?? input, list),
    ]),
  );
}

/** Runs the rule over value lists as a backtest up to `untilMs` (default: the last slot). */
export function run(
  rule: Rule,
  values: Values,
  options: BacktestOptions & { untilMs?: number } = {},
) {
  const slots = Math.max(...Object.values(values).map((list) => list.length));
  const toMs = options.untilMs ?? T0 + (slots - 1) * STEP;
  return backtest(rule, observationsOf(values, rule.scope), { fromMs: T0, toMs }, options);
}

/** Events as `type@minutes since T0`, e.g. `firing@30`: easy to read in an expectation. */
export function timeline(events: readonly AlertEvent[]): string[] {
  return events.map((event) => `${event.type}@${(event.atMs - T0) / MINUTE}`);
}

/** The timeline of a rule over value lists. */
export function transitions(
  rule: Rule,
  values: Values,
  options: { untilMs?: number } = {},
): string[] {
  return timeline(run(rule, values, options).events);
}

/** Feeds `[input, minutes since T0, value]` rows in order to a fresh engine, then finishes. */
export function feedTimeline(
  rule: Rule,
  rows: readonly (readonly [input: number, minutes: number, value: number])[],
  untilMinutes?: number,
): string[] {
  const engine = createRuleEngine(rule);
  const events: AlertEvent[] = [];
  for (const [input, minutes, value] of rows) {
    const timeMs = T0 + minutes * MINUTE;
    events.push(...engine.ingestInput(input, timeMs, value, timeMs).events);
  }
  const last = rows.length > 0 ? Math.max(...rows.map(([, minutes]) => minutes)) : 0;
  events.push(...engine.finish(T0 + (untilMinutes ?? last) * MINUTE).events);
  return timeline(events);
}
