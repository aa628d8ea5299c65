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

  it('remembers exactly the newest `capacity` keys, as a plain list would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 300 }),
        (capacity, times) => {
          const filter = new DuplicateFilter(capacity);
          const remembered: number[] = [];
          for (const t of times) {
            const expected = !remembered.includes(t);
            if (expected) {
              remembered.push(t);
              if (remembered.length > capacity) remembered.shift();
            }
            expect(filter.isNew('a.b.c', t)).toBe(expected);
          }
          expect(filter.size).toBe(remembered.length);
        },
      ),
    );
  });
});
