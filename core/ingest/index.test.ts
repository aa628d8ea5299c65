import { describe, expect, it } from 'vitest';
import { createBodyParser, UnsupportedMediaTypeError } from './index';

const raw = { datastream: 'a.b.c', time: '2020-01-01T00:00:00Z', value: 1 };
const bodies = {
  json: JSON.stringify({ observations: [raw] }),
  ndjson: JSON.stringify(raw),
  csv: 'datastream,time,value\na.b.c,2020-01-01T00:00:00Z,1',
};

function parseWith(contentType: string, body: string) {
  const parser = createBodyParser(contentType);
  return [...parser.feed(body), ...parser.end()];
}

describe('createBodyParser', () => {
  it.each([
    ['application/json', bodies.json],
    ['Application/JSON; charset=utf-8', bodies.json],
    ['application/x-ndjson', bodies.ndjson],
    ['application/ndjson', bodies.ndjson],
    ['application/jsonl;charset=UTF-8', bodies.ndjson],
    ['text/csv', bodies.csv],
    [' text/csv ; header=present', bodies.csv],
  ])('chooses by the media type of %j', (contentType, body) => {
    expect(parseWith(contentType, body)).toEqual([{ index: 0, ok: true, raw }]);
  });

  it.each([
    '',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'constructor',
    '__proto__',
  ])('refuses %j', (contentType) => {
    expect(() => createBodyParser(contentType)).toThrow(UnsupportedMediaTypeError);
  });

  it('names the supported types in its refusal', () => {
    expect(() => createBodyParser('text/plain; charset=utf-8')).toThrow(
      'unsupported media type "text/plain": send application/json, application/x-ndjson or text/csv',
    );
  });

  it('passes the line limit on', () => {
    expect(
      createBodyParser('application/x-ndjson', { maxLineLength: 4 }).feed('{"a":1}\n'),
    ).toEqual([{ index: 0, ok: false, error: 'line 1 is longer than 4 characters' }]);
  });
});
