import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeness } from './completeness';

const MIN10 = 600_000;
const day = Date.UTC(2017, 2, 4);

describe('completeness of a datastream over a period', () => {
  it('counts slots, present values and the runs of empty slots', () => {
    const times = Array.from({ length: 144 }, (_, i) => day + i * MIN10).filter(
      (_, i) => i < 10 || i >= 13, // 10:00 missing three slots: 01:40, 01:50, 02:00
    );
    const result = completeness(times, day, day + 86_400_000, MIN10);
    expect(result).toMatchObject({ expected: 144, present: 141 });
    expect(result.gaps).toEqual([{ fromMs: day + 10 * MIN10, toMs: day + 12 * MIN10, slots: 3 }]);
  });

  it('counts a value a few seconds off its slot once, and ignores values outside the period', () => {
    const times = [day + 5_000, day + 9_000, day - MIN10, day + 86_400_000];
    const result = completeness(times, day, day + 3 * MIN10, MIN10);
    expect(result).toMatchObject({ expected: 3, present: 1, ratio: 1 / 3 });
  });

  it('always has present plus empty slots equal to expected', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 200 })), (slots) => {
        const result = completeness(
          slots.map((s) => day + s * MIN10),
          day,
          day + 144 * MIN10,
          MIN10,
        );
        const empty = result.gaps.reduce((sum, gap) => sum + gap.slots, 0);
        expect(result.present + empty).toBe(result.expected);
      }),
    );
  });
});
