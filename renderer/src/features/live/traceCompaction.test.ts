// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compactTrace, firstIndexFrom } from './traceCompaction';

describe('compactTrace', () => {
  it('keeps each bucket’s first, lowest, highest and last point, and the gaps', () => {
    // 50 Hz for 2 s, then a 1 s gap (a null), then 1 s more: buckets of 500 ms.
    const x = [...Array.from({ length: 100 }, (_, i) => i * 20)];
    x.push(...Array.from({ length: 50 }, (_, i) => 3000 + i * 20));
    const y: (number | null)[] = x.map((t) => Math.sin(t / 100));
    y[37] = 9; // a spike
    x.splice(100, 0, 2490);
    y.splice(100, 0, null);
    const columns = { x, y };
    compactTrace(columns, -Infinity, 500);
    expect(columns.x.length).toBeLessThan(40);
    expect(columns.y).toContain(9);
    expect(columns.y.filter((v) => v === null)).toHaveLength(1);
    expect(columns.x).toEqual([...columns.x].sort((a, b) => a - b));
    expect([columns.x[0], columns.x.at(-1)]).toEqual([0, 3980]);
  });

  it('adds no gaps to decimated history, whose points lie far apart', () => {
    const columns = { x: [0, 600_000, 1_200_000, 1_200_020], y: [1, 2, 3, 4] };
    compactTrace(columns, -Infinity, 100_000);
    expect(columns.y).toEqual([1, 2, 3, 4]);
  });

  it('drops points out of view, in place', () => {
    const columns = { x: [0, 10, 20, 30], y: [1, 2, 3, 4] };
    const { x } = columns;
    compactTrace(columns, 15, 100);
    expect(columns).toEqual({ x: [20, 30], y: [3, 4] });
    expect(columns.x).toBe(x);
  });
});

describe('firstIndexFrom', () => {
  it('finds where a time window starts', () => {
    expect(firstIndexFrom([1, 2, 2, 5], 2)).toBe(1);
    expect(firstIndexFrom([1, 2, 2, 5], 6)).toBe(4);
    expect(firstIndexFrom([], 0)).toBe(0);
  });
});
