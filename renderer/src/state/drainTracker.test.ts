// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { initialDrain, trackDrain, type DrainState, type HealthSample } from './drainTracker';

/** Folds samples given as [seconds, backlog, busOk] from the initial state. */
function run(samples: [number, number, boolean][]): DrainState[] {
  const states: DrainState[] = [];
  let state = initialDrain;
  for (const [s, backlog, busOk] of samples) {
    const sample: HealthSample = { at: 1_000_000 + s * 1000, backlog, busOk };
    state = trackDrain(state, sample);
    states.push(state);
  }
  return states;
}

describe('trackDrain', () => {
  it('stays normal for an empty or steady outbox with the bus up', () => {
    const states = run([
      [0, 0, true],
      [10, 12, true],
      [20, 0, true],
    ]);
    expect(states.map((s) => s.phase)).toEqual(['normal', 'normal', 'normal']);
  });

  it('goes offline when the bus is down and remembers the highest backlog', () => {
    const states = run([
      [0, 0, true],
      [1, 2000, false],
      [2, 10_000, false],
    ]);
    expect(states.at(-1)).toMatchObject({ phase: 'offline', backlog: 10_000, peak: 10_000 });
  });

  it('measures a drain from the peak: progress, rate and time left', () => {
    const states = run([
      [0, 10_000, false],
      [1, 8000, true],
      [2, 6000, true],
      [3, 4000, true],
    ]);
    // The first sample with the bus back has nothing to compare with yet.
    expect(states[1]).toMatchObject({ phase: 'draining', rate: null, etaSeconds: null });
    expect(states[1]!.progress).toBeCloseTo(0.2);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ phase: 'draining', backlog: 4000, peak: 10_000 });
    expect(last.progress).toBeCloseTo(0.6);
    expect(last.rate).toBeCloseTo(2000);
    expect(last.etaSeconds).toBeCloseTo(2);
  });

  it('measures the rate over the recent window only', () => {
    const states = run([
      [0, 100_000, false],
      [1, 99_000, true],
      [20, 80_000, true], // slow start, now out of the window
      [25, 60_000, true],
      [30, 40_000, true],
    ]);
    expect(states.at(-1)!.rate).toBeCloseTo(4000);
    expect(states.at(-1)!.etaSeconds).toBeCloseTo(10);
  });

  it('returns to normal once the backlog is near zero', () => {
    const states = run([
      [0, 5000, false],
      [1, 2500, true],
      [2, 30, true],
    ]);
    expect(states.at(-1)).toMatchObject({ phase: 'normal', backlog: 30, peak: 0 });
  });

  it('keeps the rate unknown while ingest outpaces the drain', () => {
    const states = run([
      [0, 5000, false],
      [1, 4000, true],
      [2, 4500, true],
    ]);
    expect(states.at(-1)).toMatchObject({ phase: 'draining', rate: null, etaSeconds: null });
  });

  it('sees a drain with the bus up when a large backlog shrinks, but not a small burst', () => {
    const large = run([
      [0, 30_000, true],
      [1, 20_000, true],
    ]);
    expect(large.at(-1)).toMatchObject({ phase: 'draining', peak: 30_000 });
    expect(large.at(-1)!.rate).toBeCloseTo(10_000);
    const small = run([
      [0, 600, true],
      [1, 300, true],
    ]);
    expect(small.at(-1)!.phase).toBe('normal');
  });

  it('ignores a sample whose backlog could not be read', () => {
    const [offline, unknown] = run([
      [0, 5000, false],
      [1, -1, false],
    ]);
    expect(unknown).toBe(offline);
  });

  it('keeps the peak across a second outage in the middle of a drain', () => {
    const states = run([
      [0, 10_000, false],
      [1, 6000, true],
      [2, 7000, false],
      [3, 5000, true],
    ]);
    expect(states.at(-1)).toMatchObject({ phase: 'draining', peak: 10_000 });
    expect(states.at(-1)!.progress).toBeCloseTo(0.5);
  });
});
