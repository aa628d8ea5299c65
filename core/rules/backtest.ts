import type { Observation } from '../domain/observation';
import { applyAlertEvent, type AlertRecord } from './engine/alert-lifecycle';
import type { AlertEvent, JobRequest } from './engine/events';
import { createRuleEngine } from './engine/rule-engine';
import type { EngineCounters } from './engine/snapshot';
import type { Rule } from './rule-schema';

// A backtest runs the rule's own engine over stored data, so it answers exactly what the
// live analyzer would have produced: the same alerts and jobs, with the same ids.

export interface BacktestRange {
  fromMs: number;
  toMs: number;
}

export interface BacktestOptions {
  /**
   * When the data counts as arrived. Default: at its measurement time (as if live), so
   * nothing is backfill. Set it to now to see what a replay today would notify (nothing old).
   */
  arrivalTimeMs?: number;
}

export interface BacktestResult {
  events: AlertEvent[];
  jobs: JobRequest[];
  /** One record per alert that fired, in order. */
  alerts: AlertRecord[];
  counters: EngineCounters;
}

/**
 * Evaluates `rule` over [range.fromMs, range.toMs]. `observationsByInput` maps the rule's
 * input names to their observations in time order; values before `fromMs` only fill
 * windows (fetch `warmUpMs(rule)` before the range), values after `toMs` are ignored.
 */
export function backtest(
  rule: Rule,
  observationsByInput: Readonly<Record<string, readonly Observation[]>>,
  range: BacktestRange,
  options: BacktestOptions = {},
): BacktestResult {
  const engine = createRuleEngine(rule, { evaluateFromMs: range.fromMs });
  const series = Object.keys(rule.scope).map((input) => observationsByInput[input] ?? []);
  const next = series.map(() => 0);
  const events: AlertEvent[] = [];
  const jobs: JobRequest[] = [];
  const collect = (output: { events: readonly AlertEvent[]; jobs: readonly JobRequest[] }) => {
    for (const event of output.events) events.push(event);
    for (const job of output.jobs) jobs.push(job);
  };

  // Merges the inputs by measurement time (ties: scope order), as one live stream would be.
  for (;;) {
    let input = -1;
    let time = Infinity;
    for (let i = 0; i < series.length; i++) {
      const observation = series[i]![next[i]!];
      if (observation !== undefined && observation.timeMs < time) {
        input = i;
        time = observation.timeMs;
      }
    }
    if (input < 0 || time > range.toMs) break;
    const observation = series[input]![next[input]!++]!;
    const previous = series[input]![next[input]! - 2];
    if (previous !== undefined && previous.timeMs > time) {
      throw new RangeError(
        `observations of input ${Object.keys(rule.scope)[input]} are not in time order`,
      );
    }
    collect(engine.ingestInput(input, time, observation.value, options.arrivalTimeMs ?? time));
  }
  collect(engine.finish(range.toMs));

  const alerts = new Map<string, AlertRecord>();
  for (const event of events) {
    if (event.alertId === null) continue;
    const record = applyAlertEvent(alerts.get(event.alertId), event);
    if (record !== undefined) alerts.set(event.alertId, record);
  }
  const fired = [...alerts.values()].filter((alert) => alert.firingMs !== null);
  const { waiting: _waiting, ...counters } = engine.counters();
  return { events, jobs, alerts: fired, counters };
}
