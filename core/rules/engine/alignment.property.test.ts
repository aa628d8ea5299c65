import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../domain/observation';
import { backtest } from '../backtest';
import { comparable, interleave, RULES, seriesArbitrary, streamed, toMs } from './alignment-cases';
import { DATASTREAMS, T0 } from './test-support';

// However the datastreams interleave, and wherever the analyzer restarts from a checkpoint,
// streaming gives exactly what the backtest gives over the same data.

describe('alignment on measurement time', () => {
  it.each(RULES)(
    'a replay gives the backtest result for any interleaving and restart (%s)',
    (_, rule) => {
      let runsWithAlerts = 0;
      fc.assert(
        fc.property(
          seriesArbitrary(DATASTREAMS.x),
          seriesArbitrary(DATASTREAMS.y),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }),
          fc.nat({ max: 120 }),
          (xs, ys, choices, restartAt) => {
            const expected = backtest(rule, { x: xs, y: ys }, { fromMs: T0, toMs }).events;
            // Replayed today: arrival far after measurement, one millisecond apart.
            const now = Date.UTC(2026, 0, 1);
            const arrivals = interleave(xs, ys, choices).map((o, i): [Observation, number] => [
              o,
              now + i,
            ]);
            const events = streamed(rule, arrivals, restartAt, toMs);
            expect(comparable(events)).toEqual(comparable(expected));
            expect(events.every((event) => event.backfill && !event.notify)).toBe(true);
            if (expected.length > 0) runsWithAlerts++;
          },
        ),
        { numRuns: 300 },
      );
      // The property is only worth something if the rule actually fires in many runs.
      expect(runsWithAlerts).toBeGreaterThan(100);
    },
  );

  it.each(RULES)(
    'a live stream delayed less than the lateness gives the backtest result (%s)',
    (_, rule) => {
      // Delays stay below the cadence as well, so each datastream keeps its order.
      const delays = fc.array(fc.integer({ min: 0, max: 10 * 60_000 - 1 }), {
        minLength: 1,
        maxLength: 40,
      });
      fc.assert(
        fc.property(
          seriesArbitrary(DATASTREAMS.x),
          seriesArbitrary(DATASTREAMS.y),
          delays,
          fc.nat({ max: 120 }),
          (xs, ys, delay, restartAt) => {
            const expected = backtest(rule, { x: xs, y: ys }, { fromMs: T0, toMs }).events;
            const arrivals = [...xs, ...ys]
              .map((o, i): [Observation, number] => [o, o.timeMs + (delay[i % delay.length] ?? 0)])
              .sort((a, b) => a[1] - b[1]);
            const events = streamed(rule, arrivals, restartAt, toMs);
            expect(comparable(events)).toEqual(comparable(expected));
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
