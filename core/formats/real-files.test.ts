// The one test in core that touches the file system: it reads the real station files of
// ../shared/data. Tests are not shipped, so `node:fs` here does not break the rule that
// core runs in the browser; the readers under test get plain strings like everywhere else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedAll } from '../ingest/test-support';
import { createDwdDailyReader, readDwdStationId } from './dwd-daily';
import { addToSummary, emptySummary, type FormatReader } from './record';
import { createSattelbergReader } from './sattelberg';
import { detectFormat } from './detect';

const readData = (path: string) =>
  readFileSync(new URL(`../../../shared/data/${path}`, import.meta.url), 'utf8');

/** Feeds the text in chunks of an odd size, so chunk ends fall inside cells and CRLFs. */
const readInChunks = (reader: FormatReader, text: string) =>
  feedAll(reader, text.match(/[^]{1,4093}/g) ?? []);

/** Counts made with plain splitting, independent of the readers. */
function countCells(text: string, otherColumns: string[], missingMarkers: string[]) {
  const [header = '', ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const valueColumns = header.split(';').flatMap((name, index) => {
    return otherColumns.includes(name.trim()) ? [] : [index];
  });
  let missing = 0;
  for (const line of lines) {
    const cells = line.split(';');
    for (const index of valueColumns) {
      if (missingMarkers.includes((cells[index] ?? '').trim())) missing++;
    }
  }
  return { lines, missing, present: lines.length * valueColumns.length - missing };
}

const sattelbergFiles = [
  'sattelberg/sattelberg_hourly_2006_2018.csv',
  'sattelberg/ellboegen_hourly_2006_2018.csv',
  'sattelberg/sattelberg_10min_2017.csv',
  'sattelberg/ellboegen_10min_2017.csv',
];

describe.each(sattelbergFiles)('real file %s', (path) => {
  const text = readData(path);
  const records = readInChunks(
    createSattelbergReader({ station: 'sattelberg', instrument: 'aws' }),
    text,
  );
  const expected = countCells(text, ['timestamp'], ['NA', '']);

  it('is detected as a Sattelberg file', () => {
    expect(detectFormat(text.slice(0, text.indexOf('\n')), path)).toBe('sattelberg');
  });

  it('gives one record per data line, with every present value and every missing cell', () => {
    expect(addToSummary(emptySummary(), records)).toEqual({
      lines: expected.lines.length,
      observations: expected.present,
      missing: expected.missing,
      errors: 0,
      firstTimeMs: Number(expected.lines[0]?.split(';')[0]) * 1000,
      lastTimeMs: Number(expected.lines.at(-1)?.split(';')[0]) * 1000,
    });
  });
});

describe('real values', () => {
  it('reads the first hourly Sattelberg row: 2006-01-01T01:00:00Z dd=180 ff=10.8 rh=100 t=-7.8', () => {
    const reader = createSattelbergReader({ station: 'sattelberg', instrument: 'aws' });
    const [first] = readInChunks(reader, readData('sattelberg/sattelberg_hourly_2006_2018.csv'));
    const timeMs = Date.parse('2006-01-01T01:00:00Z');
    expect(first).toEqual({
      line: 2,
      missing: 0,
      observations: [
        { datastream: 'sattelberg.aws.wind_direction', timeMs, value: 180, quality: null },
        { datastream: 'sattelberg.aws.wind_speed', timeMs, value: 10.8, quality: null },
        { datastream: 'sattelberg.aws.relative_humidity', timeMs, value: 100, quality: null },
        { datastream: 'sattelberg.aws.air_temperature', timeMs, value: -7.8, quality: null },
      ],
    });
  });

  it('reads blank cells of the 10-minute Sattelberg file as missing (line 16423: dd blank)', () => {
    const reader = createSattelbergReader({ station: 'sattelberg', instrument: 'aws' });
    const record = readInChunks(reader, readData('sattelberg/sattelberg_10min_2017.csv')).find(
      (r) => r.line === 16423,
    );
    expect(record?.missing).toBe(1);
    expect(record?.observations.map((o) => o.value)).toEqual([0, 779.5, 99, -5.3]);
  });
});

describe('real file zugspitze_dwd_daily', () => {
  const path = 'zugspitze_dwd_daily/produkt_klima_tag_20180605_20191206_05792.txt';
  const text = readData(path);
  const records = readInChunks(
    createDwdDailyReader({ station: 'zugspitze', instrument: 'dwd_daily' }),
    text,
  );
  const otherColumns = ['STATIONS_ID', 'MESS_DATUM', 'QN_3', 'QN_4', 'eor'];
  const expected = countCells(text, otherColumns, ['-999']);

  it('is detected from its header and from its name', () => {
    expect(detectFormat(text.slice(0, text.indexOf('\n')))).toBe('dwd-daily');
    expect(detectFormat('', path)).toBe('dwd-daily');
  });

  it('gives one record per day, with every present value and every -999', () => {
    expect(expected.lines).toHaveLength(550);
    expect(addToSummary(emptySummary(), records)).toEqual({
      lines: 550,
      observations: expected.present,
      missing: expected.missing,
      errors: 0,
      firstTimeMs: Date.UTC(2018, 5, 5),
      lastTimeMs: Date.UTC(2019, 11, 6),
    });
  });

  it('reads the first day: 2018-06-05 00:00 UTC, TMK=3.7 rated QN_4=3, NM missing', () => {
    const [first] = records;
    const byVariable = new Map(first?.observations.map((o) => [o.datastream.split('.')[2], o]));
    expect(byVariable.get('air_temperature_mean')).toEqual({
      datastream: 'zugspitze.dwd_daily.air_temperature_mean',
      timeMs: Date.UTC(2018, 5, 5),
      value: 3.7,
      quality: 'QN_4=3',
    });
    expect(byVariable.get('wind_gust_max')?.quality).toBe('QN_3=10');
    expect(byVariable.has('cloud_cover')).toBe(false);
    expect(byVariable.has('ground_temperature_min')).toBe(false);
    expect(first?.missing).toBe(2);
  });

  it('names station 05792 in its first data line', () => {
    expect(readDwdStationId(text.split('\n')[1] ?? '')).toBe('05792');
  });
});
