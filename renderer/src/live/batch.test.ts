// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PendingSamples, buildExtendUpdate, extensionFor } from './batch';
import type { TraceTail } from './batch';

const MIN = 60_000;
const GAP = 25 * MIN; // gapThresholdMs(600, ...) = 2.5 cadences of 10 min

describe('PendingSamples', () => {
  it('coalesces every batch since the last frame, per datastream', () => {
    const pending = new PendingSamples();
    pending.add({ datastream: 'a', t: [1, 2], v: [10, 20] });
    pending.add({ datastream: 'b', t: [1], v: [5] });
    pending.add({ datastream: 'a', t: [3], v: [30] });
    const taken = pending.take();
    expect(taken.get('a')).toEqual({ t: [1, 2, 3], v: [10, 20, 30] });
    expect(taken.get('b')).toEqual({ t: [1], v: [5] });
    expect(pending.size).toBe(0);
  });

  it('ignores empty batches', () => {
    const pending = new PendingSamples();
    pending.add({ datastream: 'a', t: [], v: [] });
    expect(pending.size).toBe(0);
  });
});

describe('extensionFor', () => {
  it('appends at cadence without gaps', () => {
    const ext = extensionFor(0, { t: [10 * MIN, 20 * MIN], v: [1, 2] }, GAP);
    expect(ext).toEqual({ x: [10 * MIN, 20 * MIN], y: [1, 2], lastT: 20 * MIN });
  });

  it('inserts a null where the step from the trace end exceeds the threshold', () => {
    const ext = extensionFor(0, { t: [60 * MIN, 70 * MIN], v: [1, 2] }, GAP);
    expect(ext.x).toEqual([30 * MIN, 60 * MIN, 70 * MIN]);
    expect(ext.y).toEqual([null, 1, 2]);
  });

  it('inserts a null inside the batch too', () => {
    const ext = extensionFor(null, { t: [0, 10 * MIN, 90 * MIN], v: [1, 2, 3] }, GAP);
    expect(ext.y).toEqual([1, 2, null, 3]);
    expect(ext.x[2]).toBe(50 * MIN);
  });

  it('sorts out-of-order samples and drops those not newer than the trace end', () => {
    const ext = extensionFor(
      20 * MIN,
      { t: [40 * MIN, 10 * MIN, 30 * MIN, 20 * MIN, 30 * MIN], v: [4, 1, 3, 2, 9] },
      GAP,
    );
    expect(ext).toEqual({ x: [30 * MIN, 40 * MIN], y: [3, 4], lastT: 40 * MIN });
  });

  it('never inserts a gap when the threshold is unknown (Infinity)', () => {
    const ext = extensionFor(0, { t: [1e9], v: [1] }, Infinity);
    expect(ext.y).toEqual([1]);
  });
});

describe('buildExtendUpdate', () => {
  it('builds one update for all traces that got points and advances their tails', () => {
    const tails: TraceTail[] = [
      { key: 'a', lastT: 0, gapMs: GAP },
      { key: 'b', lastT: 0, gapMs: GAP },
      { key: 'c', lastT: 0, gapMs: GAP },
    ];
    const pending = new Map([
      ['a', { t: [10 * MIN], v: [1] }],
      ['c', { t: [60 * MIN], v: [3] }],
      ['z', { t: [10 * MIN], v: [9] }],
    ]);
    const update = buildExtendUpdate(tails, pending);
    expect(update).toEqual({
      indices: [0, 2],
      x: [[10 * MIN], [30 * MIN, 60 * MIN]],
      y: [[1], [null, 3]],
    });
    expect(tails.map((t) => t.lastT)).toEqual([10 * MIN, 0, 60 * MIN]);
  });

  it('returns null when nothing new is drawable', () => {
    const tails: TraceTail[] = [{ key: 'a', lastT: 50, gapMs: GAP }];
    expect(buildExtendUpdate(tails, new Map([['a', { t: [10], v: [1] }]]))).toBeNull();
  });
});
