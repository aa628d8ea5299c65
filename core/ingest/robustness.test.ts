import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../domain/observation';
import { checkBatch } from './batch';
import { BodyFormatError } from './errors';
import { createBodyParser } from './index';
import { cutsArbitrary, feedAll, outcome, splitAt } from './test-support';

/** Any text: arbitrary code points, decoded random bytes, and noise made of syntax. */
const bodyArbitrary = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)),
  fc.string({
    unit: fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ';',
      ':',
      ' ',
      '\r',
      '\n',
      '\uFEFF',
      '1',
      '-',
      'e',
      '.',
      'datastream',
      'time',
      'value',
      'quality',
      'a.b.c',
      '2020-01-01T00:00:00Z',
      '"observations"',
      '\n\n\n\n\n\n\n\n\n\n',
      'datastream,time,value\n',
    ),
    maxLength: 60,
  }),
  fc.json().map((json) => `{"observations":${json}}`),
);

function read(contentType: string, chunks: string[]): ParsedRow[] {
  const rows = feedAll(createBodyParser(contentType, { maxLineLength: 40 }), chunks);
  checkBatch(rows);
  return rows;
}

describe.each(['application/json', 'application/x-ndjson', 'text/csv'])(
  '%s on any input',
  (contentType) => {
    it('throws nothing but BodyFormatError and numbers rows 0, 1, 2, …', () => {
      fc.assert(
        fc.property(bodyArbitrary, cutsArbitrary, (body, cuts) => {
          try {
            const rows = read(contentType, splitAt(body, cuts));
            expect(rows.map((row) => row.index)).toEqual(rows.map((_, index) => index));
          } catch (error) {
            expect(error).toBeInstanceOf(BodyFormatError);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('reads the same whatever the chunking', () => {
      fc.assert(
        fc.property(bodyArbitrary, cutsArbitrary, (body, cuts) => {
          expect(outcome(() => read(contentType, splitAt(body, cuts)))).toEqual(
            outcome(() => read(contentType, [body])),
          );
        }),
        { numRuns: 500 },
      );
    });
  },
);
