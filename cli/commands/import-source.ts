import path from 'node:path';
import { detectFormat, type DetectedFormat } from '../../core/formats/detect';
import { createDwdDailyReader, readDwdStationId } from '../../core/formats/dwd-daily';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { createBodyParser } from '../../core/ingest/index';
import type { ImportSource } from '../../server/import/import-stream';
import { readSeed } from '../context';
import { UsageError } from '../usage-error';

export interface SourceOptions {
  format?: string | undefined;
  station?: string | undefined;
  instrument?: string | undefined;
}

const FORMATS: DetectedFormat[] = ['sattelberg', 'dwd-daily', 'csv', 'ndjson'];

/**
 * Chooses how to read a file: its format (given, or detected from the first line and
 * name) and, for station files, which station and instrument its columns belong to.
 */
export function chooseSource(
  file: string,
  head: string,
  options: SourceOptions,
): { format: DetectedFormat; source: ImportSource; target: string } {
  const lines = head.split(/\r?\n/);
  const format = (options.format ?? detectFormat(lines[0] ?? '', file)) as DetectedFormat | null;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError(`cannot tell the format of ${file}; give --format ${FORMATS.join('|')}`);
  }
  const base = path.basename(file).toLowerCase();
  if (format === 'sattelberg') {
    const station = options.station ?? /^([a-z0-9-]+)_/.exec(base)?.[1];
    if (!station) throw new UsageError(`give --station for ${file}`);
    const instrument = options.instrument ?? (base.includes('hourly') ? 'aws_hourly' : 'aws');
    return {
      format,
      source: { kind: 'station-file', reader: createSattelbergReader({ station, instrument }) },
      target: `${station}.${instrument}`,
    };
  }
  if (format === 'dwd-daily') {
    const dwdId = readDwdStationId(lines[1] ?? '');
    const known = readSeed().stations.find(
      (s) => s.dwdStationId !== undefined && s.dwdStationId === Number(dwdId),
    );
    const station = options.station ?? known?.id;
    if (!station)
      throw new UsageError(`DWD station ${dwdId ?? '?'} is not registered; give --station`);
    const instrument = options.instrument ?? 'dwd_daily';
    return {
      format,
      source: { kind: 'station-file', reader: createDwdDailyReader({ station, instrument }) },
      target: `${station}.${instrument}`,
    };
  }
  const contentType = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
  return {
    format,
    source: { kind: 'rows', parser: createBodyParser(contentType) },
    target: 'datastreams named in the file',
  };
}
