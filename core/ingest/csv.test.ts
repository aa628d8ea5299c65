import { describe, expect, it } from 'vitest';
import { createCsvParser } from './csv';
import { BodyFormatError } from './errors';
import { feedAll } from './test-support';

function parse(body: string) {
  return feedAll(createCsvParser(), [body]);
}

function formatError(body: string): string {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof BodyFormatError) return error.message;
    throw error;
  }
  throw new Error('expected a BodyFormatError');
}

describe('createCsvParser', () => {
  it('reads columns in any order, case-insensitive, and converts the value', () => {
    expect(
      parse('\uFEFF Value ,TIME,datastream,Quality\r\n 1.5 ,2020-01-01T00:00:00Z, a.b.c ,good\r\n'),
    ).toEqual([
      {
        index: 0,
        ok: true,
        raw: { datastream: 'a.b.c', time: '2020-01-01T00:00:00Z', value: 1.5, quality: 'good' },
      },
    ]);
  });

  it('converts a quoted, padded value too', () => {
    expect(parse('datastream,time,value\na.b.c,t," 7.25 "\n')).toEqual([
      { index: 0, ok: true, raw: { datastream: 'a.b.c', time: 't', value: 7.25 } },
    ]);
  });

  it('detects the ; separator from the header', () => {
    expect(parse('datastream;time;value\na.b.c;2020-01-01 00:00:00+01:00;-2e3\n')).toEqual([
      {
        index: 0,
        ok: true,
        raw: { datastream: 'a.b.c', time: '2020-01-01 00:00:00+01:00', value: -2000 },
      },
    ]);
  });

  it('treats empty cells as missing and leaves text values as text for validateRow', () => {
    expect(parse('datastream,time,value,quality\n,,"  ",\na.b.c,t,NA,\na.b.c,t,1e999,\n')).toEqual([
      { index: 0, ok: true, raw: {} },
      { index: 1, ok: true, raw: { datastream: 'a.b.c', time: 't', value: 'NA' } },
      { index: 2, ok: true, raw: { datastream: 'a.b.c', time: 't', value: '1e999' } },
    ]);
  });

  it('turns a wrong field count or broken quoting into row errors and goes on', () => {
    expect(parse('datastream,time,value\na,b\n"x"y,t,1\na.b.c,t,1,extra\na.b.c,t,1\n')).toEqual([
      { index: 0, ok: false, error: 'line 2 has 2 fields, the header has 3' },
      { index: 1, ok: false, error: 'line 3: unexpected character after a closing quote' },
      { index: 2, ok: false, error: 'line 4 has 4 fields, the header has 3' },
      { index: 3, ok: true, raw: { datastream: 'a.b.c', time: 't', value: 1 } },
    ]);
  });

  it('skips blank lines before the header and between rows', () => {
    expect(parse('\r\n\r\ndatastream,time,value\r\n\r\na.b.c,t,1')).toEqual([
      { index: 0, ok: true, raw: { datastream: 'a.b.c', time: 't', value: 1 } },
    ]);
  });

  it('reads a header-only body as no rows', () => {
    expect(parse('datastream,time,value')).toEqual([]);
  });

  it.each([
    ['', 'CSV body is empty: a header line datastream,time,value[,quality] is required'],
    [' \r\n\n', 'CSV body is empty: a header line datastream,time,value[,quality] is required'],
    [
      'datastream,time,value,unit\n',
      'CSV header has an unknown column "unit"; the columns are datastream, time, value and optionally quality',
    ],
    ['datastream,time\n', 'CSV header lacks "value"; it needs datastream, time and value'],
    [
      'quality\n',
      'CSV header lacks "datastream", "time", "value"; it needs datastream, time and value',
    ],
    ['time,datastream,Time,value\n', 'CSV header names column "time" twice'],
    ['datastream,"time,value\n', 'CSV header line 1: quoted field is not closed'],
  ])('refuses the header of %j', (body, message) => {
    expect(formatError(body)).toBe(message);
  });

  it('refuses a header that does not end within the line limit, as it streams in', () => {
    const parser = createCsvParser({ maxLineLength: 10 });
    expect(parser.feed('datastrea')).toEqual([]);
    expect(() => parser.feed('m,time')).toThrow(
      'CSV header does not end within the first 10 characters',
    );
  });

  it('counts blank lines before the header towards that limit, however the body is cut', () => {
    const body = `${'\n'.repeat(8)}datastream,time,value\n`;
    const message = 'CSV header does not end within the first 20 characters';
    expect(() => feedAll(createCsvParser({ maxLineLength: 20 }), [body])).toThrow(message);
    expect(() =>
      feedAll(createCsvParser({ maxLineLength: 20 }), [body.slice(0, 8), body.slice(8)]),
    ).toThrow(message);
  });

  it('reads a body split at every position the same', () => {
    const body =
      '\uFEFFtime;datastream;value;quality\r\n2020-01-01T00:00:00Z;a.b.c; 3 ;"x;""y"""\r\nbad\r\n';
    const whole = parse(body);
    expect(whole).toHaveLength(2);
    for (let cut = 0; cut <= body.length; cut++) {
      expect(feedAll(createCsvParser(), [body.slice(0, cut), body.slice(cut)])).toEqual(whole);
    }
  });
});
