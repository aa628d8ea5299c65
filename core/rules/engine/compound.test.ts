import { describe, expect, it } from 'vitest';
import type { Condition } from '../condition-schema';
import { testRule, transitions } from './test-support';

const above = (of: string, value: number): Condition => ({
  kind: 'threshold',
  of,
  compare: { op: 'above', value },
});

describe('compound conditions', () => {
  const values = { x: [0, 5, 5, 0, 5], y: [0, 0, 5, 5, 5] };

  it('all holds when every part holds', () => {
    const rule = testRule({
      condition: { kind: 'all', conditions: [above('x', 1), above('y', 1)] },
    });
    expect(transitions(rule, values)).toEqual([
      'pending@20',
      'firing@20',
      'resolved@30',
      'pending@40',
      'firing@40',
    ]);
  });

  it('any holds when one part holds', () => {
    const rule = testRule({
      condition: { kind: 'any', conditions: [above('x', 1), above('y', 1)] },
    });
    expect(transitions(rule, values)).toEqual(['pending@10', 'firing@10']);
  });

  it('not inverts', () => {
    const rule = testRule({ condition: { kind: 'not', condition: above('x', 1) } });
    expect(transitions(rule, values)).toEqual([
      'pending@0',
      'firing@0',
      'resolved@10',
      'pending@30',
      'firing@30',
      'resolved@40',
    ]);
  });

  it('follows three-valued logic when an input is stale', () => {
    // y is stale after 30 minutes without a value (staleAfter 20m here).
    const stale = { x: [5, 5, 5, 5, 5, 5], y: [5, null, null, null, null, null] };
    const all = testRule({
      condition: { kind: 'all', conditions: [above('x', 1), above('y', 1)] },
      staleAfter: '20m',
    });
    // all(true, unknown) is unknown: the firing alert stays open.
    expect(transitions(all, stale)).toEqual(['pending@0', 'firing@0']);
    const any = testRule({
      condition: { kind: 'any', conditions: [above('x', 1), above('y', 1)] },
      staleAfter: '20m',
    });
    expect(transitions(any, stale)).toEqual(['pending@0', 'firing@0']);
    const notStale = testRule({
      condition: { kind: 'not', condition: above('y', 1) },
      staleAfter: '20m',
    });
    // not(unknown) is unknown: nothing starts once y is stale.
    expect(transitions(notStale, stale)).toEqual([]);
  });

  it('nests', () => {
    const rule = testRule({
      condition: {
        kind: 'any',
        conditions: [
          { kind: 'all', conditions: [above('x', 1), { kind: 'not', condition: above('y', 1) }] },
          above('y', 10),
        ],
      },
    });
    expect(transitions(rule, { x: [5, 5, 0, 0], y: [0, 5, 5, 20] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@10',
      'pending@30',
      'firing@30',
    ]);
  });
});

describe('expression condition', () => {
  it('evaluates a boolean expression with window functions over the inputs', () => {
    const rule = testRule({
      condition: {
        kind: 'expression',
        expression: 'x > 10 and abs(y - 180) < 45 and delta(x, 20m) >= 5',
      },
    });
    expect(
      transitions(rule, { x: [0, 5, 11, 16, 16, 16], y: [180, 180, 180, 200, 300, 200] }),
    ).toEqual(['pending@20', 'firing@20', 'resolved@40']);
  });

  it('is unknown while an input is stale, so it neither starts nor clears', () => {
    const rule = testRule({
      condition: { kind: 'expression', expression: 'x > 1' },
      staleAfter: '10m',
    });
    expect(transitions(rule, { x: [5, null, null, 0], y: [0, 0, 0, 0] })).toEqual([
      'pending@0',
      'firing@0',
      'resolved@30',
    ]);
  });
});
