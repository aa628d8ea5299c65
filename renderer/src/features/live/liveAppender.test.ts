// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ExtendUpdate, TraceTail } from '../../live/batch';
import { LiveAppender } from './liveAppender';

function setup(tails: TraceTail[] | null) {
  const frames: (() => void)[] = [];
  const extended: ExtendUpdate[] = [];
  let current = tails;
  const appender = new LiveAppender({
    tails: () => current,
    extend: async (update) => {
      extended.push(update);
    },
    appended: () => undefined,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => undefined,
  });
  return { appender, frames, extended, setTails: (t: TraceTail[]) => (current = t) };
}

describe('LiveAppender', () => {
  it('draws everything that arrived between two frames with one extendTraces call', () => {
    const { appender, frames, extended } = setup([
      { key: 'a', lastT: 0, gapMs: 1500 },
      { key: 'b', lastT: 0, gapMs: 1500 },
    ]);
    appender.receive({ datastream: 'a', t: [1000], v: [1] });
    appender.receive({ datastream: 'b', t: [1000], v: [5] });
    appender.receive({ datastream: 'a', t: [2000], v: [2] });
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(extended).toEqual([{ indices: [0, 1], x: [[1000, 2000], [1000]], y: [[1, 2], [5]] }]);
  });

  it('holds samples while history loads and draws them after', () => {
    const { appender, frames, extended, setTails } = setup(null);
    appender.receive({ datastream: 'a', t: [1000, 3000], v: [1, 3] });
    frames[0]?.();
    expect(extended).toHaveLength(0);
    // The history that arrived already holds the sample at t=1000.
    setTails([{ key: 'a', lastT: 1000, gapMs: 5000 }]);
    appender.flush();
    expect(extended).toEqual([{ indices: [0], x: [[3000]], y: [[3]] }]);
  });
});
