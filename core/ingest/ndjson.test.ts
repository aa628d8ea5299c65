import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNdjsonParser } from './ndjson';
import { cutsArbitrary, feedAll, splitAt } from './test-support';

const line = '{"datastream":"a.b.c","time":"2020-01-01T00:00:00Z","value":1}';
const raw = { datastream: 'a.b.c', time: '2020-01-01T00:00:00Z', value: 1 };

function parse(chunks: string[], maxLineLength?: number) {
  return feedAll(createNdjsonParser({ maxLineLength }), chunks);
}

describe('createNdjsonParser', () => {
  it('reads one object a line, skips blank lines, handles CRLF and a BOM', () => {
    expect(parse([`\uFEFF${line}\r\n\r\n   \n${line}`])).toEqual([
      { index: 0, ok: true, raw },
      { index: 1, ok: true, raw },
    ]);
  });

  it('turns a line that is not JSON into a row error and goes on', () => {
    const rows = parse([`${line}\n{"datastream":\n${line}\n`]);
    expect(rows[0]).toEqual({ index: 0, ok: true, raw });
    expect(rows[1]).toMatchObject({ index: 1, ok: false, source: '{"datastream":' });
    expect(rows[1]?.ok === false && rows[1].error).toMatch(/^line 2 is not valid JSON: /);
    expect(rows[2]).toEqual({ index: 2, ok: true, raw });
  });

  it('numbers lines counting blank ones, rows not counting them', () => {
    const rows = parse(['\n\nnope\n']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ index: 0, ok: false });
    expect(rows[0]?.ok === false && rows[0].error).toMatch(/^line 3 is not valid JSON: /);
  });

  it.each(['42', '"text"', 'null', '[1,2]'])('refuses %s as not an object', (text) => {
    expect(parse([text])).toEqual([
      { index: 0, ok: false, error: 'row is not an object', source: text },
    ]);
  });

  it('refuses a line over the length limit and keeps reading', () => {
    expect(parse([`${'x'.repeat(30)}\n{"value":2}`], 20)).toEqual([
      { index: 0, ok: false, error: 'line 1 is longer than 20 characters' },
      { index: 1, ok: true, raw: { value: 2 } },
    ]);
  });

  it('reads a line split at every position the same', () => {
    const body = `${line}\r\n\n${line}\n{bad\n`;
    const whole = parse([body]);
    for (let cut = 0; cut <= body.length; cut++) {
      expect(parse([body.slice(0, cut), body.slice(cut)])).toEqual(whole);
    }
  });

  it('gives the same rows for any chunking of any text', () => {
    const text = fc.string({
      unit: fc.constantFrom('{', '}', '"', 'a', ':', '1', ' ', '\r', '\n'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, cutsArbitrary, (body, cuts) => {
        expect(parse(splitAt(body, cuts), 16)).toEqual(parse([body], 16));
      }),
    );
  });
});
