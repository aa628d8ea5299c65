// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ExtendUpdate, TraceTail } from '../../live/batch';
import { LiveAppender } from './liveAppender';

function setup(tails: TraceTail[] | null) {
  const frames: (() => void)[] = [];
  const extended: ExtendUpdate[] = [];
  const drawn: boolean[] = [];
  let current = tails;
  const appender = new LiveAppender({
    tails: () => current,
    extend: (update) => {
      extended.push(update);
    },
    frame: (appended) => drawn.push(appended),
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => undefined,
  });
  return { appender, frames, extended, drawn, setTails: (t: TraceTail[]) => (current = t) };
}

describe('LiveAppender', () => {
  it('adds everything that arrived between two frames at once, then draws once', () => {
    const { appender, frames, extended, drawn } = setup([
      { key: 'a', lastT: 0, gapMs: 1500 },
      { key: 'b', lastT: 0, gapMs: 1500 },
    ]);
    appender.receive({ datastream: 'a', t: [1000], v: [1] });
    appender.receive({ datastream: 'b', t: [1000], v: [5] });
    appender.receive({ datastream: 'a', t: [2000], v: [2] });
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(extended).toEqual([{ indices: [0, 1], x: [[1000, 2000], [1000]], y: [[1, 2], [5]] }]);
    expect(drawn).toEqual([true]);
  });

  it('asks for a frame without samples (the window moved), and later when told to wait', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { appender, frames, drawn } = setup([]);
    appender.schedule();
    appender.schedule();
    expect(frames).toHaveLength(1);
    frames[0]?.();
    appender.scheduleIn(200);
    vi.advanceTimersByTime(199);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(1);
    frames[1]?.();
    expect(drawn).toEqual([false, false]);
    vi.useRealTimers();
  });

  it('holds samples while history loads and draws them after', () => {
    const { appender, frames, extended, setTails } = setup(null);
    appender.receive({ datastream: 'a', t: [1000, 3000], v: [1, 3] });
    frames[0]?.();
    expect(extended).toHaveLength(0);
    // The history that arrived already holds the sample at t=1000.
    setTails([{ key: 'a', lastT: 1000, gapMs: 5000 }]);
    expect(appender.flush()).toBe(true);
    expect(extended).toEqual([{ indices: [0], x: [[3000]], y: [[3]] }]);
  });
});
