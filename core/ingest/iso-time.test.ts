import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TIME_MS, MIN_TIME_MS, parseIsoTime } from './iso-time';

describe('parseIsoTime', () => {
  it.each([
    ['2020-01-02T03:04:05Z', Date.UTC(2020, 0, 2, 3, 4, 5)],
    ['2020-01-02t03:04:05z', Date.UTC(2020, 0, 2, 3, 4, 5)],
    ['2020-01-02 03:04:05Z', Date.UTC(2020, 0, 2, 3, 4, 5)],
    ['2020-01-02T03:04Z', Date.UTC(2020, 0, 2, 3, 4)],
    ['2020-01-02T03:04:05+01:00', Date.UTC(2020, 0, 2, 2, 4, 5)],
    ['2020-01-02T03:04:05-0230', Date.UTC(2020, 0, 2, 5, 34, 5)],
    ['2020-01-02T03:04:05.1Z', Date.UTC(2020, 0, 2, 3, 4, 5, 100)],
    ['2020-01-02T03:04:05,25Z', Date.UTC(2020, 0, 2, 3, 4, 5, 250)],
    ['2020-01-02T03:04:05.123999Z', Date.UTC(2020, 0, 2, 3, 4, 5, 123)],
    ['2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['1900-01-01T00:00:00Z', MIN_TIME_MS],
    ['1900-01-01T00:30:00+00:30', MIN_TIME_MS],
    ['2200-12-31T23:59:59.999Z', MAX_TIME_MS - 1],
  ])('reads %s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
  });

  it.each([
    '2020-01-02',
    '2020-1-2T03:04:05Z',
    '2020-01-02T3:04:05Z',
    'Jan 2 2020 03:04:05 GMT',
    '2020-01-02T03:04:05+1',
    '2020-01-02T03:04:05 Z',
    ' 2020-01-02T03:04:05Z',
    '2020-01-02T03:04:05.Z',
    '',
  ])('refuses the shape of %j', (text) => {
    expect(parseIsoTime(text)).toBe(
      `time ${JSON.stringify(text)} is not ISO 8601 with a UTC offset or Z`,
    );
  });

  it('says that a time without offset is ambiguous local time', () => {
    expect(parseIsoTime('2020-01-02T03:04:05')).toBe(
      'time "2020-01-02T03:04:05" has no UTC offset: add Z or ±hh:mm (local time is ambiguous)',
    );
  });

  it.each([
    '2017-02-29T00:00:00Z',
    '2017-02-30T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2020-04-31T00:00:00Z',
    '2020-13-01T00:00:00Z',
    '2020-00-01T00:00:00Z',
    '2020-01-00T00:00:00Z',
    '2020-01-01T24:00:00Z',
    '2020-01-01T23:60:00Z',
    '2020-01-01T23:59:60Z',
    '2020-01-01T00:00:00+24:00',
    '2020-01-01T00:00:00+01:60',
  ])('refuses the impossible %s', (text) => {
    expect(parseIsoTime(text)).toBe(`time "${text}" is not a valid calendar date and time`);
  });

  it.each([
    '1899-12-31T23:59:59Z',
    '1900-01-01T00:00:00+00:01',
    '2201-01-01T00:00:00Z',
    '2200-12-31T23:00:00-01:00',
    '0050-01-01T00:00:00Z',
    '9999-01-01T00:00:00Z',
  ])('refuses %s as out of range', (text) => {
    expect(parseIsoTime(text)).toBe('time is out of range (years 1900–2200)');
  });

  it('cuts long input in its message', () => {
    const text = 'x'.repeat(1000);
    expect(parseIsoTime(text)).toBe(
      `time "${'x'.repeat(64)}…" is not ISO 8601 with a UTC offset or Z`,
    );
  });

  it('agrees with Date for every instant in range written by toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS - 1 }), (ms) => {
        expect(parseIsoTime(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });
});
