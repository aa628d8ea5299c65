import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyFormatError } from '../ingest/errors';
import { cutsArbitrary, feedAll, outcome, splitAt } from '../ingest/test-support';
import { createDwdDailyReader } from './dwd-daily';
import type { FormatReader } from './record';
import { createSattelbergReader } from './sattelberg';

const options = { station: 'st', instrument: 'in' };
const readers: [string, () => FormatReader, string][] = [
  ['sattelberg', () => createSattelbergReader(options), 'timestamp;dd;ff;p;rh;t\n'],
  [
    'dwd-daily',
    () => createDwdDailyReader(options),
    'STATIONS_ID;MESS_DATUM;QN_3;FX;QN_4;TMK;eor\r\n',
  ],
];

describe.each(readers)('%s reader on any input', (_, create, header) => {
  const textArbitrary = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)),
    fc
      .string({
        unit: fc.constantFrom(
          ';',
          ' ',
          '\r',
          '\n',
          'NA',
          '-999',
          '1',
          '.',
          '-',
          'eor',
          '5792',
          '20190101',
          '1136077200',
        ),
        maxLength: 80,
      })
      .map((body) => header + body),
  );

  it('throws nothing but BodyFormatError and reads the same whatever the chunking', () => {
    fc.assert(
      fc.property(textArbitrary, cutsArbitrary, (text, cuts) => {
        const whole = outcome(() => feedAll(create(), [text]));
        if ('thrown' in whole) expect(whole.thrown).toMatch(/^BodyFormatError: /);
        expect(outcome(() => feedAll(create(), splitAt(text, cuts)))).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps line numbers increasing and errors without observations', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        let records;
        try {
          records = feedAll(create(), [text]);
        } catch (error) {
          expect(error).toBeInstanceOf(BodyFormatError);
          return;
        }
        records.forEach((record, position) => {
          if (position > 0) expect(record.line).toBeGreaterThan(records[position - 1]?.line ?? 0);
          if (record.error !== undefined) expect(record.observations).toEqual([]);
        });
      }),
    );
  });
});
