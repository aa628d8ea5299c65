import { describe, expect, it } from 'vitest';
import type { Comparison } from '../condition-schema';
import { testRule, transitions } from './test-support';

const threshold = (compare: Comparison, of = 'x') =>
  testRule({ condition: { kind: 'threshold', of, compare } });

describe('threshold condition', () => {
  it('above fires at the first value above and resolves at the first one not above', () => {
    const rule = threshold({ op: 'above', value: 10 });
    expect(transitions(rule, { x: [5, 10, 11, 12, 10, 3] })).toEqual([
      'pending@20',
      'firing@20',
      'resolved@40',
    ]);
  });

  it('below, between and outside', () => {
    expect(transitions(threshold({ op: 'below', value: 0 }), { x: [1, -1, 0] })).toEqual([
      'pending@10',
      'firing@10',
      'resolved@20',
    ]);
    const values = { x: [0, 5, 10, 11, 4] };
    expect(transitions(threshold({ op: 'between', min: 5, max: 10 }), values)).toEqual([
      'pending@10',
      'firing@10',
      'resolved@30',
    ]);
    expect(transitions(threshold({ op: 'outside', min: 5, max: 10 }), values)).toEqual([
      'pending@0',
      'firing@0',
      'resolved@10',
      'pending@30',
      'firing@30',
    ]);
  });

  it('compares an expression over several inputs', () => {
    const rule = threshold({ op: 'above', value: 5 }, 'abs(x - y)');
    expect(transitions(rule, { x: [0, 10, 10, 10], y: [0, 1, 8, 20] })).toEqual([
      'pending@10',
      'firing@10',
      'resolved@20',
      'pending@30',
      'firing@30',
    ]);
  });

  it('with a recovery level, resolves only once the value is back past it (hysteresis)', () => {
    const rule = threshold({ op: 'above', value: 10, recovery: 8 });
    expect(transitions(rule, { x: [11, 9, 9.5, 8.5, 8, 12] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@40',
      'pending@50',
      'firing@50',
    ]);
    const below = threshold({ op: 'below', value: -5, recovery: 0 });
    expect(transitions(below, { x: [-6, -1, 1] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@20',
    ]);
  });
});
