import { describe, expect, it } from 'vitest';
import { BodyFormatError } from '../ingest/errors';
import { feedAll } from '../ingest/test-support';
import { createSattelbergReader, SATTELBERG_VARIABLES } from './sattelberg';

const options = { station: 'sattelberg', instrument: 'aws' };
const read = (text: string) => feedAll(createSattelbergReader(options), [text]);
const at = (seconds: number) => seconds * 1000;

describe('createSattelbergReader', () => {
  it('reads the hourly layout: padded numbers, NA as missing', () => {
    expect(
      read('timestamp;dd;ff;rh;t\n1136077200;180;10.8;100; -7.8\n1546297200; NA;  NA;100;  0.1\n'),
    ).toEqual([
      {
        line: 2,
        missing: 0,
        observations: [
          {
            datastream: 'sattelberg.aws.wind_direction',
            timeMs: at(1136077200),
            value: 180,
            quality: null,
          },
          {
            datastream: 'sattelberg.aws.wind_speed',
            timeMs: at(1136077200),
            value: 10.8,
            quality: null,
          },
          {
            datastream: 'sattelberg.aws.relative_humidity',
            timeMs: at(1136077200),
            value: 100,
            quality: null,
          },
          {
            datastream: 'sattelberg.aws.air_temperature',
            timeMs: at(1136077200),
            value: -7.8,
            quality: null,
          },
        ],
      },
      {
        line: 3,
        missing: 2,
        observations: [
          {
            datastream: 'sattelberg.aws.relative_humidity',
            timeMs: at(1546297200),
            value: 100,
            quality: null,
          },
          {
            datastream: 'sattelberg.aws.air_temperature',
            timeMs: at(1546297200),
            value: 0.1,
            quality: null,
          },
        ],
      },
    ]);
  });

  it('reads the 10-minute layout with pressure, a blank cell as missing', () => {
    const [record] = read('timestamp;dd;ff;p;rh;t\n1493665800;   ; 0.0;779.5; 99; -5.3');
    expect(record?.missing).toBe(1);
    expect(
      record?.observations.map((observation) => [observation.datastream, observation.value]),
    ).toEqual([
      ['sattelberg.aws.wind_speed', 0],
      ['sattelberg.aws.air_pressure', 779.5],
      ['sattelberg.aws.relative_humidity', 99],
      ['sattelberg.aws.air_temperature', -5.3],
    ]);
  });

  it('turns malformed lines into error records and skips blank lines', () => {
    expect(
      read('timestamp;dd;t\n\nx;1;2\n99999999999;1;2\n1136077200;1;warm\n1136077200;1\n'),
    ).toEqual([
      {
        line: 3,
        observations: [],
        missing: 0,
        error: 'timestamp "x" is not epoch seconds (years 1900–2200)',
      },
      {
        line: 4,
        observations: [],
        missing: 0,
        error: 'timestamp "99999999999" is not epoch seconds (years 1900–2200)',
      },
      { line: 5, observations: [], missing: 0, error: 't "warm" is not a number' },
      { line: 6, observations: [], missing: 0, error: '2 cells where the header has 3' },
    ]);
  });

  it('reads epoch seconds before 1970 down to 1900', () => {
    const [first, second] = read('timestamp;t\n-2208988800;1\n-2208988801;1\n');
    expect(first?.observations[0]?.timeMs).toBe(Date.UTC(1900, 0, 1));
    expect(second?.error).toBe('timestamp "-2208988801" is not epoch seconds (years 1900–2200)');
  });

  it.each([
    ['time;dd\n', 'Sattelberg header must start with "timestamp"'],
    [
      'timestamp;dd;wind\n',
      'Sattelberg header has an unknown column "wind"; known: timestamp, dd, ff, p, rh, t',
    ],
    ['timestamp;dd;dd\n', 'Sattelberg header names column "dd" twice'],
  ])('refuses the header %j', (text, message) => {
    expect(() => read(text)).toThrow(new BodyFormatError(message));
  });

  it('refuses options that make no datastream key', () => {
    expect(() => createSattelbergReader({ station: 'Sattelberg', instrument: 'aws' })).toThrow(
      RangeError,
    );
  });

  it('documents variables and units', () => {
    expect(SATTELBERG_VARIABLES).toEqual({
      dd: { variable: 'wind_direction', unit: 'deg' },
      ff: { variable: 'wind_speed', unit: 'm/s' },
      p: { variable: 'air_pressure', unit: 'hPa' },
      rh: { variable: 'relative_humidity', unit: '%' },
      t: { variable: 'air_temperature', unit: 'degC' },
    });
  });

  it('reads a file split at every position the same', () => {
    const text =
      'timestamp;dd;ff;rh;t\r\n1136077200;180;10.8;100; -7.8\r\n1136080800; NA;12.5;bad; -8.0\r\n';
    const whole = read(text);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(
        feedAll(createSattelbergReader(options), [text.slice(0, cut), text.slice(cut)]),
      ).toEqual(whole);
    }
  });
});
