import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvRecordReader } from './csv-records';
import { cutsArbitrary, feedAll, splitAt } from './test-support';

function records(chunks: string[], separator = ',', max = 1000) {
  return feedAll(createCsvRecordReader(separator, max), chunks);
}

describe('createCsvRecordReader', () => {
  it('reads RFC 4180 quoting: "" escapes, separators and line breaks inside quotes', () => {
    expect(records(['a,"b,""c""","d\r\ne"\r\n"",x,\n'])).toEqual([
      { line: 1, fields: ['a', 'b,"c"', 'd\r\ne'] },
      { line: 3, fields: ['', 'x', ''] },
    ]);
  });

  it('trims unquoted fields, keeps quoted spaces, allows space around quotes', () => {
    expect(records(['  a ;  " b " ; c\t\n'], ';')).toEqual([
      { line: 1, fields: ['a', ' b ', 'c'] },
    ]);
  });

  it('skips blank lines but counts them as lines', () => {
    expect(records(['\n \r\n\na\n'])).toEqual([{ line: 4, fields: ['a'] }]);
  });

  it('refuses a quote inside an unquoted field, and goes on at the next line', () => {
    expect(records(['a,b"c,d\ne\n'])).toEqual([
      { line: 1, error: 'line 1: quote inside an unquoted field (quote the whole field)' },
      { line: 2, fields: ['e'] },
    ]);
  });

  it('refuses text after a closing quote', () => {
    expect(records(['"a"b,c\nd'])).toEqual([
      { line: 1, error: 'line 1: unexpected character after a closing quote' },
      { line: 2, fields: ['d'] },
    ]);
  });

  it('refuses a quoted field left open at the end', () => {
    expect(records(['a,"b\nc'])).toEqual([
      { line: 1, error: 'line 1: quoted field is not closed' },
    ]);
  });

  it('refuses an overlong record, resuming at the next line break', () => {
    expect(records(['"abcdefghij\nk\n'], ',', 5)).toEqual([
      { line: 1, error: 'line 1: record is longer than 5 characters' },
      { line: 2, fields: ['k'] },
    ]);
  });

  it('gives the same records for any chunking', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '"', ',', '\r', '\n'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, cutsArbitrary, (body, cuts) => {
        expect(records(splitAt(body, cuts), ',', 12)).toEqual(records([body], ',', 12));
      }),
    );
  });
});
