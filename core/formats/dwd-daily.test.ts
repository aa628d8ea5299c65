import { describe, expect, it } from 'vitest';
import { BodyFormatError } from '../ingest/errors';
import { feedAll } from '../ingest/test-support';
import { createDwdDailyReader, DWD_DAILY_VARIABLES, readDwdStationId } from './dwd-daily';

const options = { station: 'zugspitze', instrument: 'dwd_daily' };
const read = (text: string) => feedAll(createDwdDailyReader(options), [text]);
const HEADER =
  'STATIONS_ID;MESS_DATUM;QN_3;  FX;  FM;QN_4; RSK;RSKF; SDK;SHK_TAG;  NM; VPM;  PM; TMK; UPM; TXK; TNK; TGK;eor\r\n';
const FIRST =
  '       5792;20180605;   10;  13.5;   4.0;    3;   0.0;   4;    4.050; 255;  -999;   7.3;  710.55;    3.7;   91.33;    7.8;    2.2;-999;eor\r\n';
const june5 = Date.UTC(2018, 5, 5);

describe('createDwdDailyReader', () => {
  it('reads a line: day start UTC, QN_3 for wind, QN_4 for the rest, -999 missing', () => {
    const [record] = read(HEADER + FIRST);
    expect(record?.line).toBe(2);
    expect(record?.missing).toBe(2);
    expect(record?.observations).toHaveLength(12);
    expect(record?.observations[0]).toEqual({
      datastream: 'zugspitze.dwd_daily.wind_gust_max',
      timeMs: june5,
      value: 13.5,
      quality: 'QN_3=10',
    });
    expect(
      record?.observations.find((o) => o.datastream.endsWith('.air_temperature_mean')),
    ).toEqual({
      datastream: 'zugspitze.dwd_daily.air_temperature_mean',
      timeMs: june5,
      value: 3.7,
      quality: 'QN_4=3',
    });
    expect(record?.observations.some((o) => o.datastream.endsWith('.cloud_cover'))).toBe(false);
  });

  it('gives no quality when the quality level is missing', () => {
    const [record] = read('STATIONS_ID;MESS_DATUM;QN_4;TMK;eor\n5792;20190101;-999;-1.5;eor\n');
    expect(record?.observations).toEqual([
      {
        datastream: 'zugspitze.dwd_daily.air_temperature_mean',
        timeMs: Date.UTC(2019, 0, 1),
        value: -1.5,
        quality: null,
      },
    ]);
  });

  it('turns malformed lines into error records', () => {
    const head = 'STATIONS_ID;MESS_DATUM;QN_4;TMK;eor\n5792;20190101;1;1;eor\n';
    expect(
      read(
        `${head}5792;20190230;1;1;eor\n5792;2019-01-02;1;1;eor\n4711;20190103;1;1;eor\nx;20190104;1;1;eor\n5792;20190105;1;warm;eor\n`,
      ).slice(1),
    ).toEqual([
      {
        line: 3,
        observations: [],
        missing: 0,
        error: 'MESS_DATUM "20190230" is not a valid YYYYMMDD date',
      },
      {
        line: 4,
        observations: [],
        missing: 0,
        error: 'MESS_DATUM "2019-01-02" is not a valid YYYYMMDD date',
      },
      {
        line: 5,
        observations: [],
        missing: 0,
        error: `STATIONS_ID "4711" differs from the first line's (05792)`,
      },
      {
        line: 6,
        observations: [],
        missing: 0,
        error: 'STATIONS_ID "x" is not a DWD station id',
      },
      { line: 7, observations: [], missing: 0, error: 'TMK "warm" is not a number' },
    ]);
  });

  it.each([
    ['STATIONS_ID;MESS_DATUM;XYZ;eor\n', 'DWD header has an unknown column "XYZ"'],
    ['STATIONS_ID;TMK;TMK\n', 'DWD header names TMK twice'],
    ['STATIONS_ID;TMK\n', 'DWD header needs STATIONS_ID and MESS_DATUM'],
  ])('refuses the header %j', (text, message) => {
    expect(() => read(text)).toThrow(new BodyFormatError(message));
  });

  it('documents variables, units and quality columns', () => {
    expect(Object.keys(DWD_DAILY_VARIABLES)).toEqual([
      'FX',
      'FM',
      'RSK',
      'RSKF',
      'SDK',
      'SHK_TAG',
      'NM',
      'VPM',
      'PM',
      'TMK',
      'UPM',
      'TXK',
      'TNK',
      'TGK',
    ]);
    expect(DWD_DAILY_VARIABLES.SHK_TAG).toEqual({
      variable: 'snow_depth',
      unit: 'cm',
      qualityColumn: 'QN_4',
    });
    expect(DWD_DAILY_VARIABLES.FM).toEqual({
      variable: 'wind_speed_mean',
      unit: 'm/s',
      qualityColumn: 'QN_3',
    });
  });

  it('reads a file split at every position the same', () => {
    const text = HEADER + FIRST + FIRST.replace('20180605', '20180606');
    const whole = read(text);
    expect(whole).toHaveLength(2);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(feedAll(createDwdDailyReader(options), [text.slice(0, cut), text.slice(cut)])).toEqual(
        whole,
      );
    }
  });
});

describe('readDwdStationId', () => {
  it.each([
    [FIRST, '05792'],
    ['05792;20180605', '05792'],
    ['STATIONS_ID;MESS_DATUM', null],
    ['', null],
  ])('reads %j as %j', (line, id) => {
    expect(readDwdStationId(line)).toBe(id);
  });
});
