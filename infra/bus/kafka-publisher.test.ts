import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksUnder } from './kafka-publisher';

describe('chunksUnder', () => {
  it('keeps every message, in order, in chunks under the limit (a lone oversized one alone)', () => {
    const message = fc.record({
      key: fc.string({ maxLength: 20 }),
      value: fc.string({ maxLength: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 300 }),
        fc.integer({ min: 100, max: 20_000 }),
        (messages, limit) => {
          const chunks = chunksUnder(messages, limit);
          expect(chunks.flat()).toEqual(messages);
          for (const chunk of chunks) {
            const bytes = chunk.reduce((sum, m) => sum + m.key.length + m.value.length + 64, 0);
            expect(chunk.length === 1 || bytes <= limit).toBe(true);
          }
        },
      ),
    );
  });
});
