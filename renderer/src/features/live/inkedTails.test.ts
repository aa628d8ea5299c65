// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { InkedTails } from './inkedTails';

/** A trace drawn on a window of 0–100 s, 1 s per pixel, 0.1 per pixel on its y axis. */
function drawn(markers = false) {
  const ink = new InkedTails();
  const columns = [{ x: [10_000, 50_000, 50_400, 50_800], y: [1, 2, 4, 3] }];
  ink.note(
    columns,
    { from: 0, to: 100_000, msPerPx: 1000 },
    () => 0.1,
    () => markers,
  );
  return ink;
}

describe('InkedTails', () => {
  it('says a sample in the last pixel column, within its drawn values, changes nothing', () => {
    expect(drawn().changes(0, [50_900, 50_950], [2.5, 4.05])).toBe(false);
  });

  it('says a sample in a new column, or beyond the drawn values, shows', () => {
    expect(drawn().changes(0, [51_000], [3])).toBe(true);
    expect(drawn().changes(0, [50_900], [4.2])).toBe(true);
    expect(drawn().changes(0, [50_900], [1.8])).toBe(true);
  });

  it('ignores samples outside the window and gap markers, but not new markers', () => {
    expect(drawn().changes(0, [100_500], [99])).toBe(false);
    expect(drawn().changes(0, [50_900], [null])).toBe(false);
    expect(drawn(true).changes(0, [50_900], [3])).toBe(true);
  });

  it('shows the first point of an empty trace', () => {
    const ink = new InkedTails();
    ink.note(
      [{ x: [], y: [] }],
      { from: 0, to: 10, msPerPx: 1 },
      () => 0,
      () => false,
    );
    expect(ink.changes(0, [5], [1])).toBe(true);
  });
});
