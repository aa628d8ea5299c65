import { describe, expect, it } from 'vitest';
import type { MissingDataCondition } from '../condition-schema';
import type { Schedule } from '../schedule';
import { createRuleEngine } from './rule-engine';
import { MINUTE, T0, testRule, timeline, transitions } from './test-support';

const missing = (after?: string, schedule?: Schedule) => {
  const condition: MissingDataCondition = { kind: 'missingData', input: 'x', cadence: '10m' };
  return testRule({ condition: { ...condition, after, schedule } });
};
const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('missingData condition', () => {
  it('fires when the newest value is older than `after` plus half a cadence, at that moment', () => {
    const values = { x: [1, 1, null, null, null, null, 1, 1], y: ones(8) };
    // Last value at 10; 30 minutes + 5 of grace: missing from 45, back at 60.
    expect(transitions(missing('30m'), values)).toEqual(['pending@45', 'firing@45', 'resolved@60']);
    // A gap shorter than that is jitter, not missing.
    expect(transitions(missing('30m'), { x: [1, null, null, 1], y: ones(4) })).toEqual([]);
  });

  it('defaults `after` to three cadences and finds the gap from the input alone', () => {
    expect(transitions(missing(), { x: [1, null, null, null, null, 1] })).toEqual([
      'pending@35',
      'firing@35',
      'resolved@50',
    ]);
  });

  it('notices a silent input by the clock, with the alert at the measurement time it went missing', () => {
    const engine = createRuleEngine(missing('30m'));
    for (const minutes of [0, 10])
      engine.ingestInput(0, T0 + minutes * MINUTE, 1, T0 + minutes * MINUTE);
    // Due at 45, waited for the rule's lateness (10 minutes) of processing time.
    expect(engine.advance(T0 + 54 * MINUTE).events).toEqual([]);
    const { events } = engine.advance(T0 + 55 * MINUTE);
    expect(timeline(events)).toEqual(['pending@45', 'firing@45']);
    expect(events[1]).toMatchObject({ backfill: false, notify: true });
  });

  it('counts an input never seen from the first evaluated instant', () => {
    const rule = missing('30m');
    expect(transitions(rule, { x: [], y: ones(7) })).toEqual(['pending@35', 'firing@35']);
  });

  it('holds only inside its schedule, counting from the schedule start', () => {
    const night: Schedule = { from: '22:00', to: '04:00' };
    const day = 24 * 6;
    // x reports until 03:00 and then falls silent for good; y reports all day and night.
    const values = { x: ones(19), y: ones(day + 6) };
    expect(transitions(missing('30m', night), values)).toEqual([
      'pending@215',
      'firing@215',
      'resolved@240',
      'pending@1355',
      'firing@1355',
    ]);
  });

  it('also works inside a compound condition (the deadline is still an instant)', () => {
    const rule = testRule({
      condition: {
        kind: 'all',
        conditions: [
          { kind: 'missingData', input: 'x', cadence: '10m', after: '20m' },
          { kind: 'threshold', of: 'y', compare: { op: 'above', value: 0 } },
        ],
      },
    });
    expect(transitions(rule, { x: [1, null, null, null, 1], y: [1, 1, 1, 1, 1] })).toEqual([
      'pending@25',
      'firing@25',
      'resolved@40',
    ]);
  });
});
