import { describe, expect, it } from 'vitest';
import type { Observation } from '../domain/observation';
import { backtest } from './backtest';
import { warmUpMs } from './engine/compile-rule';
import { southFoehnRule, southFoehnRuleInput } from './examples/south-foehn';
import { every10Minutes, HOUR, STEP, T0, testRule } from './engine/test-support';

const rule = testRule({
  condition: {
    kind: 'windowAggregate',
    input: 'x',
    aggregate: 'mean',
    window: '1h',
    compare: { op: 'above', value: 5 },
  },
});

describe('backtest', () => {
  it('uses data before the range only to fill windows', () => {
    const x = every10Minutes('st.aws.x', [9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0]);
    const whole = backtest(rule, { x }, { fromMs: T0, toMs: T0 + 12 * STEP });
    expect(whole.alerts.map((a) => a.startMs)).toEqual([T0]);
    const later = backtest(rule, { x }, { fromMs: T0 + 3 * STEP, toMs: T0 + 12 * STEP });
    // Already above at the range start thanks to the warm-up, so it starts there.
    expect(later.alerts.map((a) => [a.startMs, a.resolvedMs])).toEqual([
      [T0 + 3 * STEP, T0 + 8 * STEP],
    ]);
    expect(warmUpMs(rule)).toBe(HOUR);
  });

  it('refuses observations out of time order', () => {
    const x = every10Minutes('st.aws.x', [1, 2, 3]).reverse();
    expect(() => backtest(rule, { x }, { fromMs: T0, toMs: T0 + HOUR })).toThrow(
      'observations of input x are not in time order',
    );
  });

  it('can take the data as arriving now: then old alerts are backfill and notify nobody', () => {
    const x = every10Minutes('st.aws.x', [9, 9, 9]);
    const result = backtest(
      rule,
      { x },
      { fromMs: T0, toMs: T0 + HOUR },
      { arrivalTimeMs: T0 + 10 * HOUR },
    );
    expect(result.events.every((event) => event.backfill && !event.notify)).toBe(true);
  });

  it('runs a year of 10-minute data of 4 datastreams (210,000 observations) in under 2 s', () => {
    const foehn = southFoehnRule();
    const { scope } = southFoehnRuleInput;
    const year = 365 * 144;
    const start = Date.UTC(2017, 0, 1);
    const make = (key: string, value: (i: number) => number): Observation[] =>
      Array.from({ length: year }, (_, i) => ({
        datastream: key,
        timeMs: start + i * STEP,
        value: value(i),
        quality: null,
      }));
    // Daily cycles plus a storm every nine days: southerly gale at the crest, warm dry air below.
    const storm = (i: number) => i % (9 * 144) > 600 && i % (9 * 144) < 700;
    const data = {
      wind: make(scope.wind, (i) => (storm(i) ? 16 : 4 + 3 * Math.sin(i / 23))),
      dir: make(scope.dir, (i) => (storm(i) ? 185 : (i * 7) % 360)),
      t: make(scope.t, (i) => 5 + 6 * Math.sin((2 * Math.PI * i) / 144) + (storm(i) ? 8 : 0)),
      rh: make(scope.rh, (i) => 70 + 15 * Math.cos((2 * Math.PI * i) / 144) - (storm(i) ? 40 : 0)),
    };
    const started = performance.now();
    const result = backtest(foehn, data, { fromMs: start, toMs: start + year * STEP });
    const elapsedMs = performance.now() - started;
    console.log(
      `backtest of ${4 * year} observations: ${elapsedMs.toFixed(0)} ms, ${result.alerts.length} alerts`,
    );
    expect(result.counters.observations).toBe(4 * year);
    expect(result.alerts.length).toBeGreaterThanOrEqual(35);
    expect(elapsedMs).toBeLessThan(2000);
  });
});
