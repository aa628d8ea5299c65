import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRowError, validateRow } from './validate-row';

const good = {
  datastream: 'sattelberg.aws.air_temperature',
  time: '2020-01-01T00:00:00Z',
  value: -7.8,
};
const goodTimeMs = Date.UTC(2020, 0, 1);

function errorOf(raw: unknown): string {
  const result = validateRow(raw, 7);
  if (!isRowError(result)) throw new Error('expected a row error');
  expect(result.index).toBe(7);
  return result.error;
}

describe('validateRow', () => {
  it('accepts a good row and ignores extra fields', () => {
    expect(validateRow({ ...good, quality: 'ok', extra: [1] }, 0)).toEqual({
      datastream: 'sattelberg.aws.air_temperature',
      timeMs: goodTimeMs,
      value: -7.8,
      quality: 'ok',
    });
  });

  it.each([undefined, null, ''])('reads quality %j as none', (quality) => {
    expect(validateRow({ ...good, quality }, 0)).toMatchObject({ quality: null });
  });

  it('accepts 32 characters of quality, counted as code points', () => {
    expect(validateRow({ ...good, quality: 'q'.repeat(32) }, 0)).toMatchObject({
      quality: 'q'.repeat(32),
    });
    expect(validateRow({ ...good, quality: '😀'.repeat(32) }, 0)).toMatchObject({
      quality: '😀'.repeat(32),
    });
  });

  it.each([null, 42, 'text', [good], true])('refuses a row that is %j', (raw) => {
    expect(errorOf(raw)).toBe('row is not an object');
  });

  it.each([
    [{ ...good, datastream: undefined }, 'datastream is missing'],
    [{ ...good, datastream: null }, 'datastream is missing'],
    [{ ...good, datastream: 12 }, 'datastream must be a string, not a number'],
    [
      { ...good, datastream: 'Sattelberg.aws.t' },
      'datastream "Sattelberg.aws.t" is not a valid key (<station>.<instrument>.<variable>)',
    ],
    [
      { ...good, datastream: 'a.b' },
      'datastream "a.b" is not a valid key (<station>.<instrument>.<variable>)',
    ],
    [{ ...good, time: undefined }, 'time is missing'],
    [{ ...good, time: 1577836800 }, 'time must be an ISO 8601 string, not a number'],
    [{ ...good, time: '2020-01-01' }, 'time "2020-01-01" is not ISO 8601 with a UTC offset or Z'],
    [
      { ...good, time: '2020-01-01T00:00:00' },
      'time "2020-01-01T00:00:00" has no UTC offset: add Z or ±hh:mm (local time is ambiguous)',
    ],
    [{ ...good, time: '1850-01-01T00:00:00Z' }, 'time is out of range (years 1900–2200)'],
    [
      { ...good, time: '2017-02-30T00:00:00Z' },
      'time "2017-02-30T00:00:00Z" is not a valid calendar date and time',
    ],
    [{ ...good, value: undefined }, 'value is missing'],
    [{ ...good, value: null }, 'value is missing'],
    [{ ...good, value: NaN }, 'value "NaN" is not a finite number'],
    [{ ...good, value: -Infinity }, 'value "-Infinity" is not a finite number'],
    [{ ...good, value: 'warm' }, 'value "warm" is not a finite number'],
    [
      { ...good, value: '12.5' },
      'value "12.5" is a string, not a number (write it without quotes)',
    ],
    [{ ...good, value: { v: 1 } }, 'value must be a number, not an object'],
    [{ ...good, value: true }, 'value must be a number, not a boolean'],
    [{ ...good, quality: 'q'.repeat(33) }, 'quality must be a string of at most 32 characters'],
    [{ ...good, quality: 3 }, 'quality must be a string of at most 32 characters'],
  ])('refuses %j', (raw, message) => {
    expect(errorOf(raw)).toBe(message);
  });

  it('reports every problem of a row at once', () => {
    expect(errorOf({ time: 'noon', value: 'x' })).toBe(
      'datastream is missing; time "noon" is not ISO 8601 with a UTC offset or Z; value "x" is not a finite number',
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withNullPrototype: true, withMap: true }),
        (raw) => {
          validateRow(raw, 0);
          validateRow({ datastream: raw, time: raw, value: raw, quality: raw }, 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives values that stringify badly: deep nesting and a throwing toString', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const hostile = {
      toString: () => {
        throw new Error('no');
      },
    };
    expect(errorOf({ ...good, value: deep, quality: hostile })).toBe(
      'value must be a number, not an array; quality must be a string of at most 32 characters',
    );
  });
});

describe('quality with control characters', () => {
  it('is refused, since PostgreSQL text cannot hold NUL', () => {
    expect(
      validateRow(
        { datastream: 'a.b.c', time: '2020-01-01T00:00:00Z', value: 1, quality: 'ok\u0000' },
        7,
      ),
    ).toEqual({
      index: 7,
      error: 'quality must not contain control characters',
    });
  });
});
