import { describe, expect, it } from 'vitest';
import { rangeIso, windowsOf } from './backtestStore';

describe('backtest helpers', () => {
  it('covers the whole last day of the range', () => {
    expect(rangeIso('2017-01-01', '2017-12-31')).toEqual({
      from: '2017-01-01T00:00:00Z',
      to: '2018-01-01T00:00:00.000Z',
    });
  });

  it('reads alert windows in time order', () => {
    const windows = windowsOf([
      { id: 'b', severity: 'warning', startMs: 20, firingMs: 25, resolvedMs: null },
      { id: 'a', severity: 'critical', startMs: 10, firingMs: 10, resolvedMs: 15 },
    ]);
    expect(windows.map((w) => w.id)).toEqual(['a', 'b']);
    expect(windows[1]).toMatchObject({ resolvedMs: null, firingMs: 25 });
  });
});
