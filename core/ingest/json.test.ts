import { describe, expect, it } from 'vitest';
import { BodyFormatError } from './errors';
import { createJsonParser, parseJsonBody } from './json';

const raw = { datastream: 'a.b.c', time: '2020-01-01T00:00:00Z', value: 1 };

describe('parseJsonBody', () => {
  it('reads the observations envelope, ignoring other members', () => {
    expect(parseJsonBody(JSON.stringify({ observations: [raw, raw], source: 'logger' }))).toEqual([
      { index: 0, ok: true, raw },
      { index: 1, ok: true, raw },
    ]);
  });

  it('reads a bare array and a leading BOM', () => {
    expect(parseJsonBody(`\uFEFF${JSON.stringify([raw])}`)).toEqual([{ index: 0, ok: true, raw }]);
  });

  it('turns elements that are not objects into row errors', () => {
    expect(parseJsonBody('[1, null, [], {"value": 2}]')).toEqual([
      { index: 0, ok: false, error: 'row is not an object' },
      { index: 1, ok: false, error: 'row is not an object' },
      { index: 2, ok: false, error: 'row is not an object' },
      { index: 3, ok: true, raw: { value: 2 } },
    ]);
  });

  it.each(['{}', '{"observations": {}}', '"text"', 'null', '{"Observations": []}'])(
    'refuses the envelope %s',
    (body) => {
      expect(() => parseJsonBody(body)).toThrow(
        new BodyFormatError('body must be {"observations":[...]}'),
      );
    },
  );

  it.each(['', '{"observations": [', '{observations: []}'])(
    'refuses %j as invalid JSON',
    (body) => {
      let message = '';
      try {
        JSON.parse(body);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(() => parseJsonBody(body)).toThrow(
        new BodyFormatError(`body is not valid JSON: ${message}`),
      );
    },
  );

  it('reads very deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseJsonBody(`{"observations":[{"value":${deep}}]}`)).toHaveLength(1);
  });
});

describe('createJsonParser', () => {
  it('keeps chunks and parses at the end', () => {
    const parser = createJsonParser();
    const text = JSON.stringify({ observations: [raw] });
    expect(parser.feed(text.slice(0, 7))).toEqual([]);
    expect(parser.feed(text.slice(7))).toEqual([]);
    expect(parser.end()).toEqual([{ index: 0, ok: true, raw }]);
  });
});
