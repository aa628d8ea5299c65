import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from './duplicate-filter';

describe('DuplicateFilter', () => {
  it('passes each (datastream, time) once, whatever the repeats and their order', () => {
    const pair = fc.tuple(
      fc.constantFrom('a.b.c', 'a.b.d', 'x.y.z'),
      fc.integer({ min: 0, max: 50 }),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 400 }), (pairs) => {
        const filter = new DuplicateFilter();
        const passed = pairs.filter(([d, t]) => filter.isNew(d, t));
        expect(passed.length).toBe(new Set(pairs.map(([d, t]) => `${d} ${t}`)).size);
      }),
    );
  });

  it('forgets the oldest keys beyond its capacity', () => {
    const filter = new DuplicateFilter(3);
    for (const t of [1, 2, 3, 4]) expect(filter.isNew('a.b.c', t)).toBe(true);
    expect(filter.size).toBe(3);
    expect(filter.isNew('a.b.c', 4)).toBe(false);
    expect(filter.isNew('a.b.c', 1)).toBe(true);
  });
});
