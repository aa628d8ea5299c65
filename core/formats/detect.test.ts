import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

describe('detectFormat', () => {
  it.each([
    ['timestamp;dd;ff;rh;t', undefined, 'sattelberg'],
    ['\uFEFFtimestamp;dd;ff;p;rh;t\r', undefined, 'sattelberg'],
    [
      'STATIONS_ID;MESS_DATUM;QN_3;  FX;  FM;QN_4; RSK;RSKF; SDK;SHK_TAG;  NM; VPM;  PM; TMK; UPM; TXK; TNK; TGK;eor\r',
      undefined,
      'dwd-daily',
    ],
    ['datastream,time,value', undefined, 'csv'],
    ['Time; Value ;DATASTREAM;quality', 'upload.txt', 'csv'],
    ['"datastream","time","value"', undefined, 'csv'],
    ['{"datastream":"a.b.c","time":"2020-01-01T00:00:00Z","value":1}', 'x.csv', 'ndjson'],
    ['', 'logger.ndjson', 'ndjson'],
    ['', 'LOGGER.JSONL', 'ndjson'],
    ['', 'data/produkt_klima_tag_20180605_20191206_05792.txt', 'dwd-daily'],
    ['timestamp;dd;wind', undefined, null],
    ['timestamp', undefined, null],
    ['a,b,c', 'data.csv', null],
    ['', undefined, null],
  ] as const)('reads %j (file %j) as %j', (line, fileName, format) => {
    expect(detectFormat(line, fileName)).toBe(format);
  });
});
