import { describe, expect, it } from 'vitest';
import { addToSummary, emptySummary } from './record';

const observation = (timeMs: number) => ({ datastream: 'a.b.c', timeMs, value: 1, quality: null });

describe('addToSummary', () => {
  it('adds up lines, observations, missing cells, errors and the time span over calls', () => {
    const summary = addToSummary(emptySummary(), [
      { line: 2, observations: [observation(5), observation(5)], missing: 1 },
      { line: 3, observations: [], missing: 0, error: 'line 3: bad' },
    ]);
    expect(
      addToSummary(summary, [{ line: 4, observations: [observation(2)], missing: 3 }]),
    ).toEqual({
      lines: 3,
      observations: 3,
      missing: 4,
      errors: 1,
      firstTimeMs: 2,
      lastTimeMs: 5,
    });
  });

  it('starts empty', () => {
    expect(emptySummary()).toEqual({
      lines: 0,
      observations: 0,
      missing: 0,
      errors: 0,
      firstTimeMs: null,
      lastTimeMs: null,
    });
  });
});
