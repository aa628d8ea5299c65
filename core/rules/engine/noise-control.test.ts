import { describe, expect, it } from 'vitest';
import type { Condition } from '../condition-schema';
import { createRuleEngine } from './rule-engine';
import { MINUTE, T0, run, testRule, timeline, transitions } from './test-support';

const xAbove = (value: number): Condition => ({
  kind: 'threshold',
  of: 'x',
  compare: { op: 'above', value },
});

describe('minimum duration', () => {
  const rule = testRule({ condition: xAbove(10), noise: { minDuration: '30m' } });

  it('fires only once the condition has held for the whole duration', () => {
    expect(transitions(rule, { x: [11, 11, 11, 11, 11] })).toEqual(['pending@0', 'firing@30']);
  });

  it('cancels the pending alert when the condition fails (or turns unknown) before', () => {
    expect(transitions(rule, { x: [11, 11, 5, 11, 11, 11, 11] })).toEqual([
      'pending@0',
      'cancelled@20',
      'pending@30',
      'firing@60',
    ]);
    const stale = testRule({
      condition: xAbove(10),
      noise: { minDuration: '30m' },
      staleAfter: '10m',
    });
    expect(transitions(stale, { x: [11, null, null, 11], y: [0, 0, 0, 0] })).toEqual([
      'pending@0',
      'cancelled@20',
      'pending@30',
    ]);
  });

  it('fires at the end of the duration even when no data comes then', () => {
    const scope = { x: 'st.aws.x' };
    const engine = createRuleEngine(
      testRule({ scope, condition: xAbove(10), noise: { minDuration: '25m' } }),
    );
    const events = [0, 10, 20, 30].flatMap(
      (m) => engine.ingestInput(0, T0 + m * MINUTE, 11, T0 + m * MINUTE).events,
    );
    expect(timeline(events)).toEqual(['pending@0', 'firing@25']);
  });
});

describe('hysteresis with a clear condition', () => {
  it('resolves only when the clear condition holds, not when the trigger condition fails', () => {
    const rule = testRule({
      condition: xAbove(10),
      noise: { clear: { kind: 'threshold', of: 'y', compare: { op: 'above', value: 0 } } },
    });
    expect(transitions(rule, { x: [11, 5, 5, 11, 5], y: [0, 0, 0, 1, 1] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@30',
    ]);
  });
});

describe('cooldown', () => {
  const rule = testRule({ condition: xAbove(10), noise: { cooldown: '30m' } });

  it('ignores the condition for the cooldown after a resolve', () => {
    expect(transitions(rule, { x: [11, 5, 11, 11, 11, 11, 11] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@10',
      'pending@40',
      'firing@40',
    ]);
  });

  it('gives the new alert a new id from its own trigger start', () => {
    const { alerts } = run(rule, { x: [11, 5, 11, 11, 11] });
    expect(alerts.map((alert) => alert.id)).toEqual([
      'test-rule@2017-03-01T00:00:00.000Z',
      'test-rule@2017-03-01T00:40:00.000Z',
    ]);
  });
});

describe('flap detection', () => {
  const rule = testRule({
    condition: xAbove(10),
    noise: { flap: { window: '1h', maxTransitions: 3 } },
    actions: [{ queue: 'jobs.sod', type: 'notify', params: { text: '{{rule.name}}' } }],
  });
  const flapping = [11, 5, 11, 5, 11, 5, 11, 5, 5, 5, 5, 5, 5, 5, 11];

  it('marks the rule flapping after more than N transitions within W, until one quiet window', () => {
    const { events } = run(rule, { x: flapping });
    expect(timeline(events).filter((line) => !line.startsWith('pending'))).toEqual([
      'firing@0',
      'resolved@10',
      'firing@20',
      'resolved@30',
      'flapping@30',
      'firing@40',
      'resolved@50',
      'firing@60',
      'resolved@70',
      'stable@130',
      'firing@140',
    ]);
  });

  it('suppresses notifications (and marks jobs) while flapping, and tells when it starts and ends', () => {
    const { events, jobs } = run(rule, { x: flapping });
    const told = events
      .filter((event) => event.notify)
      .map((event) => `${event.type}@${(event.atMs - T0) / MINUTE}`);
    expect(told).toEqual([
      'firing@0',
      'resolved@10',
      'firing@20',
      'flapping@30',
      'stable@130',
      'firing@140',
    ]);
    expect(jobs.map((job) => job.notify)).toEqual([true, true, false, false, true]);
  });
});

describe('active schedule of the rule', () => {
  it('outside it nothing pends or fires, and an open alert resolves', () => {
    // 00:00 to 00:30 UTC only.
    const rule = testRule({ condition: xAbove(10), schedule: { from: '00:00', to: '00:30' } });
    expect(transitions(rule, { x: [11, 11, 11, 11, 11] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@30',
    ]);
  });
});
