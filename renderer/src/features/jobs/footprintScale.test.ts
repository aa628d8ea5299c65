import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  colourOf,
  decadeTicks,
  FOOTPRINT_STOPS,
  footprintPixels,
  logRange,
  logResidence,
} from './footprintScale';

describe('the footprint colour scale', () => {
  it('has no log value for zero, negative, missing or non-finite cells', () => {
    for (const value of [0, -1, null, undefined, Number.NaN, Infinity]) {
      expect(logResidence(value)).toBeNull();
    }
    expect(logResidence(100)).toBe(2);
  });

  it('spans at most four decades below the largest cell, and has height for one value', () => {
    expect(logRange([0, 0.001, 10, 1e5, null])).toEqual({ min: 1, max: 5 });
    expect(logRange([0, 100, 100])).toEqual({ min: 1, max: 2 });
    expect(logRange([0, null, Number.NaN])).toBeNull();
  });

  it('maps the ends to the first and last stop and clamps beyond them', () => {
    const range = { min: 0, max: 2 };
    expect(colourOf(0, range).slice(0, 3)).toEqual([...FOOTPRINT_STOPS[0]!]);
    expect(colourOf(-5, range).slice(0, 3)).toEqual([...FOOTPRINT_STOPS[0]!]);
    expect(colourOf(9, range).slice(0, 3)).toEqual([...FOOTPRINT_STOPS.at(-1)!]);
  });

  it('lays the grid out north up, zero cells transparent', () => {
    // 2 × 2: south row [0, 10], north row [1000, null].
    const pixels = footprintPixels(2, 2, [0, 10, 1000, null], { min: 1, max: 3 });
    const alpha = (row: number, col: number) => pixels[(row * 2 + col) * 4 + 3];
    expect([alpha(0, 0), alpha(0, 1), alpha(1, 0), alpha(1, 1)]).toEqual([220, 0, 0, 220]);
    expect([...pixels.slice(0, 3)]).toEqual([...FOOTPRINT_STOPS.at(-1)!]);
  });

  it('labels every whole decade inside the range in seconds', () => {
    expect(decadeTicks({ min: -1.5, max: 1.2 })).toEqual({
      values: [-1, 0, 1],
      labels: ['0.1 s', '1 s', '10 s'],
    });
  });

  it('gives every positive cell a visible colour and no other cell any, whatever the values', () => {
    const cell = fc.oneof(
      fc.constantFrom(0, null, Number.NaN, -1),
      fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1 }), (values) => {
        const positive = (v: number | null) => v !== null && v > 0;
        const range = logRange(values);
        if (range === null) return !values.some(positive);
        const pixels = footprintPixels(values.length, 1, values, range);
        return values.every((v, i) => (pixels[i * 4 + 3] !== 0) === positive(v));
      }),
    );
  });
});
