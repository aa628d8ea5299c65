import { describe, expect, it } from 'vitest';
import type { Aggregate, Comparison } from '../condition-schema';
import { MINUTE, STEP, T0, run, testRule, transitions } from './test-support';

const aggregate = (
  fn: Aggregate,
  compare: Comparison,
  window = '30m',
  windowType: 'sliding' | 'tumbling' = 'sliding',
) =>
  testRule({
    condition: { kind: 'windowAggregate', input: 'x', aggregate: fn, window, windowType, compare },
  });

describe('windowAggregate condition, sliding over (now − window, now]', () => {
  const values = { x: [0, 0, 9, 9, 9, 0, 0, 0] };

  it('mean', () => {
    expect(transitions(aggregate('mean', { op: 'above', value: 5 }), values)).toEqual([
      'pending@30',
      'firing@30',
      'resolved@60',
    ]);
  });

  it('min and max', () => {
    expect(transitions(aggregate('min', { op: 'above', value: 5 }), values)).toEqual([
      'pending@40',
      'firing@40',
      'resolved@50',
    ]);
    expect(transitions(aggregate('max', { op: 'above', value: 5 }), values)).toEqual([
      'pending@20',
      'firing@20',
      'resolved@70',
    ]);
  });

  it('sum and count (count sees gaps)', () => {
    expect(transitions(aggregate('sum', { op: 'above', value: 20 }), values)).toEqual([
      'pending@40',
      'firing@40',
      'resolved@50',
    ]);
    const sparse = { x: [1, 1, 1, null, null, 1, 1, 1], y: [0, 0, 0, 0, 0, 0, 0, 0] };
    // A window at the very start of the data holds one value too.
    expect(transitions(aggregate('count', { op: 'below', value: 2 }), sparse)).toEqual([
      'pending@0',
      'firing@0',
      'resolved@10',
      'pending@40',
      'firing@40',
      'resolved@60',
    ]);
  });

  it('stddev (population)', () => {
    const noisy = { x: [5, 5, 5, 0, 10, 0, 5, 5, 5, 5] };
    expect(transitions(aggregate('stddev', { op: 'above', value: 4 }), noisy)).toEqual([
      'pending@40',
      'firing@40',
      'resolved@70',
    ]);
  });
});

describe('windowAggregate condition, tumbling', () => {
  it('reads the last complete window of the grid, so it changes only when one closes', () => {
    const rule = aggregate('mean', { op: 'above', value: 5 }, '1h', 'tumbling');
    // The first hour (0..50) averages 6, the second (60..110) 2; evaluated at whole hours.
    const hourOne = [6, 6, 6, 6, 6, 6];
    const hourTwo = [2, 2, 2, 2, 2, 2];
    const result = run(rule, { x: [...hourOne, ...hourTwo, 0] });
    expect(result.events.map((e) => [e.type, (e.atMs - T0) / MINUTE])).toEqual([
      ['pending', 60],
      ['firing', 60],
      ['resolved', 120],
    ]);
    expect(result.counters.evaluated).toBe(13);
    expect(run(rule, { x: [...hourOne, 9] }, { untilMs: T0 + 6 * STEP }).events).toHaveLength(2);
  });
});
