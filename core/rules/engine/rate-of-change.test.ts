import { describe, expect, it } from 'vitest';
import { feedTimeline, testRule, transitions } from './test-support';

describe('rateOfChange condition', () => {
  it('rise: the newest value minus the lowest within the period, inclusive of its start', () => {
    const rule = testRule({
      condition: { kind: 'rateOfChange', input: 'x', direction: 'rise', by: 3, within: '30m' },
    });
    // At 40 the lowest of [10, 40] is 0 (at 10): a rise of 3.5. At 50, 0 is 40 minutes old.
    expect(transitions(rule, { x: [5, 0, 1, 2, 3.5, 3.5, 3.5] })).toEqual([
      'pending@40',
      'firing@40',
      'resolved@50',
    ]);
  });

  it('rise within the period counts however the values went in between', () => {
    const rule = testRule({
      condition: { kind: 'rateOfChange', input: 'x', direction: 'rise', by: 3, within: '1h' },
    });
    expect(transitions(rule, { x: [10, 8, 12, 7, 9, 10.5] })).toEqual([
      'pending@20',
      'firing@20',
      'resolved@30',
      'pending@50',
      'firing@50',
    ]);
  });

  it('drop: the highest within the period minus the newest value', () => {
    const rule = testRule({
      condition: { kind: 'rateOfChange', input: 'x', direction: 'drop', by: 10, within: '1h' },
    });
    expect(transitions(rule, { x: [80, 75, 72, 69, 60, 55, 50, 50, 50, 50, 50] })).toEqual([
      'pending@30',
      'firing@30',
      'resolved@100',
    ]);
  });

  it('with a recovery level, holds while the change stays above it', () => {
    const rule = testRule({
      condition: {
        kind: 'rateOfChange',
        input: 'x',
        direction: 'rise',
        by: 3,
        within: '20m',
        recovery: 1,
      },
    });
    expect(transitions(rule, { x: [0, 4, 5, 6, 6.5, 6.5] })).toEqual([
      'pending@10',
      'firing@10',
      'resolved@50',
    ]);
  });

  it('is unknown when the period holds no value: a firing alert stays open', () => {
    const rule = testRule({
      condition: { kind: 'rateOfChange', input: 'x', direction: 'rise', by: 3, within: '10m' },
      staleAfter: '1h',
    });
    // Input 1 (y) makes instants at 25 and 40 where x has no value within 10 minutes.
    const rows = [
      [0, 0, 0],
      [0, 10, 5],
      [1, 25, 0],
      [1, 40, 0],
      [0, 45, 5],
    ] as const;
    expect(feedTimeline(rule, rows)).toEqual(['pending@10', 'firing@10', 'resolved@45']);
  });
});
