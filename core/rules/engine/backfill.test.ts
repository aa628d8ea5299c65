import { describe, expect, it } from 'vitest';
import { createRuleEngine } from './rule-engine';
import { HOUR, T0, testRule } from './test-support';

const rule = testRule({
  scope: { x: 'st.aws.x' },
  condition: { kind: 'threshold', of: 'x', compare: { op: 'above', value: 10 } },
  horizon: '1h',
  actions: [
    {
      queue: 'jobs.sod',
      type: 'notify',
      params: { text: 'x is {{values.x}} since {{trigger.start}}' },
    },
  ],
});

function fireWithDelay(delayMs: number) {
  const engine = createRuleEngine(rule);
  return engine.ingestInput(0, T0, 11, T0 + delayMs);
}

describe('backfill', () => {
  it('marks transitions from data older than the horizon at arrival: backfill, no notification', () => {
    const { events, jobs } = fireWithDelay(HOUR + 1);
    expect(events.map(({ type, backfill, notify }) => ({ type, backfill, notify }))).toEqual([
      { type: 'pending', backfill: true, notify: false },
      { type: 'firing', backfill: true, notify: false },
    ]);
    expect(jobs).toEqual([
      expect.objectContaining({
        id: 'test-rule@2017-03-01T00:00:00.000Z/0-notify',
        backfill: true,
        notify: false,
        params: { text: 'x is 11 since 2017-03-01T00:00:00.000Z' },
      }),
    ]);
  });

  it('notifies data that arrives within the horizon', () => {
    const { events, jobs } = fireWithDelay(HOUR);
    expect(events[1]).toMatchObject({ type: 'firing', backfill: false, notify: true });
    expect(jobs[0]).toMatchObject({ backfill: false, notify: true });
  });

  it('gives backfilled and live evaluation of the same data the same ids', () => {
    const late = fireWithDelay(48 * HOUR);
    const live = fireWithDelay(0);
    expect(late.events.map((e) => e.id)).toEqual(live.events.map((e) => e.id));
    expect(late.jobs.map((j) => j.id)).toEqual(live.jobs.map((j) => j.id));
  });
});
