import path from 'node:path';
import { detectFormat, type DetectedFormat } from '../../core/formats/detect';
import { createDwdDailyReader, readDwdStationId } from '../../core/formats/dwd-daily';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { createBodyParser } from '../../core/ingest/index';
import type { ImportSource } from './import-stream';

export interface SourceOptions {
  format?: string | undefined;
  station?: string | undefined;
  instrument?: string | undefined;
}

export interface SourceContext {
  /** The registered station of a DWD station number, if any (the seed says which). */
  dwdStation(dwdId: number): string | undefined;
  /** How the caller names an option in a hint: `--station` (CLI), `?station=` (HTTP). */
  option(name: 'format' | 'station'): string;
}

/** The file cannot be read as given: the caller turns it into a usage error or a 4xx. */
export class SourceChoiceError extends Error {
  override name = 'SourceChoiceError';
}

export const IMPORT_FORMATS: DetectedFormat[] = ['sattelberg', 'dwd-daily', 'csv', 'ndjson'];

/**
 * Chooses how to read a file, for `firn import` and the portal upload alike: its format
 * (given, or detected from the first line and name) and, for station files, which station
 * and instrument its columns belong to.
 */
export function chooseSource(
  file: string,
  head: string,
  options: SourceOptions,
  context: SourceContext,
): { format: DetectedFormat; source: ImportSource; target: string } {
  const lines = head.split(/\r?\n/);
  const format = (options.format ?? detectFormat(lines[0] ?? '', file)) as DetectedFormat | null;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    throw new SourceChoiceError(
      `cannot tell the format of ${file}; give ${context.option('format')} ${IMPORT_FORMATS.join('|')}`,
    );
  }
  const base = path.basename(file).toLowerCase();
  if (format === 'sattelberg') {
    const station = options.station ?? /^([a-z0-9-]+)_/.exec(base)?.[1];
    if (!station) throw new SourceChoiceError(`give ${context.option('station')} for ${file}`);
    const instrument = options.instrument ?? (base.includes('hourly') ? 'aws_hourly' : 'aws');
    return {
      format,
      source: { kind: 'station-file', reader: createSattelbergReader({ station, instrument }) },
      target: `${station}.${instrument}`,
    };
  }
  if (format === 'dwd-daily') {
    const dwdId = readDwdStationId(lines[1] ?? '');
    const known = dwdId === null ? undefined : context.dwdStation(Number(dwdId));
    const station = options.station ?? known;
    if (!station) {
      throw new SourceChoiceError(
        `DWD station ${dwdId ?? '?'} is not registered; give ${context.option('station')}`,
      );
    }
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
