import { describe, expect, it, vi } from 'vitest';
import type { SeriesResponse } from '../../../../core/contracts/http';
import { HISTORY_POINTS, inputsOf, loadInputHistory } from './backtestHistory';

describe("a rule's inputs and their history", () => {
  it('reads the inputs from the scope, in order, skipping what is no datastream key', () => {
    expect(inputsOf({ scope: { wind: 'a.b.wind', dir: 'a.b.dir', bad: 3, empty: '' } })).toEqual([
      { alias: 'wind', key: 'a.b.wind' },
      { alias: 'dir', key: 'a.b.dir' },
    ]);
    expect(inputsOf({})).toEqual([]);
    expect(inputsOf({ scope: ['a.b.c'] })).toEqual([]);
  });

  it('loads each input decimated over the range; one failing input does not hide the others', async () => {
    const series = (key: string): SeriesResponse => ({
      datastream: key,
      unit: 'm/s',
      cadenceSeconds: 600,
      from: null,
      to: null,
      count: 5000,
      decimated: true,
      t: [1, 2],
      v: [3, null],
    });
    const fetcher = vi.fn(async ({ key }: { key: string }) => {
      if (key === 'a.b.dir') throw new Error('no datastream a.b.dir');
      return series(key);
    });
    const inputs = [
      { alias: 'wind', key: 'a.b.wind' },
      { alias: 'dir', key: 'a.b.dir' },
    ];
    const loaded = await loadInputHistory(inputs, 10, 20, fetcher);
    expect(fetcher).toHaveBeenCalledWith({
      key: 'a.b.wind',
      from: 10,
      to: 20,
      maxPoints: HISTORY_POINTS,
    });
    expect(loaded[0]).toMatchObject({
      alias: 'wind',
      unit: 'm/s',
      x: [1, 2],
      y: [3, null],
      count: 5000,
      error: null,
    });
    expect(loaded[1]).toMatchObject({ alias: 'dir', x: [], y: [], error: 'no datastream a.b.dir' });
  });
});
