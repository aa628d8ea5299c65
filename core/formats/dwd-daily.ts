import type { Observation } from '../domain/observation';
import { BodyFormatError } from '../ingest/errors';
import { parseIsoTime } from '../ingest/iso-time';
import { parseDecimal } from '../ingest/numbers';
import { quoteForMessage } from '../ingest/quote';
import { failedLine, type FormatReader, type VariableSpec } from './record';
import { createSemicolonReader } from './semicolon-reader';
import { datastreamKeys, type StationFileOptions } from './station-keys';

export interface DwdVariableSpec extends VariableSpec {
  /** The quality-level column that rates this value. */
  qualityColumn: 'QN_3' | 'QN_4';
}

/** Value columns of the DWD `produkt_klima_tag` layout (daily climate values). */
export const DWD_DAILY_VARIABLES = {
  FX: { variable: 'wind_gust_max', unit: 'm/s', qualityColumn: 'QN_3' },
  FM: { variable: 'wind_speed_mean', unit: 'm/s', qualityColumn: 'QN_3' },
  RSK: { variable: 'precipitation', unit: 'mm', qualityColumn: 'QN_4' },
  RSKF: { variable: 'precipitation_form', unit: 'code', qualityColumn: 'QN_4' },
  SDK: { variable: 'sunshine_duration', unit: 'h', qualityColumn: 'QN_4' },
  SHK_TAG: { variable: 'snow_depth', unit: 'cm', qualityColumn: 'QN_4' },
  NM: { variable: 'cloud_cover', unit: 'okta', qualityColumn: 'QN_4' },
  VPM: { variable: 'vapour_pressure', unit: 'hPa', qualityColumn: 'QN_4' },
  PM: { variable: 'air_pressure', unit: 'hPa', qualityColumn: 'QN_4' },
  TMK: { variable: 'air_temperature_mean', unit: 'degC', qualityColumn: 'QN_4' },
  UPM: { variable: 'relative_humidity', unit: '%', qualityColumn: 'QN_4' },
  TXK: { variable: 'air_temperature_max', unit: 'degC', qualityColumn: 'QN_4' },
  TNK: { variable: 'air_temperature_min', unit: 'degC', qualityColumn: 'QN_4' },
  TGK: { variable: 'ground_temperature_min', unit: 'degC', qualityColumn: 'QN_4' },
} as const satisfies Record<string, DwdVariableSpec>;

type DwdColumn = keyof typeof DWD_DAILY_VARIABLES;
const OTHER_COLUMNS = ['STATIONS_ID', 'MESS_DATUM', 'QN_3', 'QN_4', 'EOR'];

function isMissing(cell: string): boolean {
  return cell === '' || parseDecimal(cell) === -999;
}

/** DWD station id of a data line, zero-padded to five digits as in DWD file names ("05792"). */
export function readDwdStationId(dataLine: string): string | null {
  const id = (dataLine.split(';')[0] ?? '').trim();
  return /^\d{1,5}$/.test(id) ? id.padStart(5, '0') : null;
}

/** Position of every header column by upper-case name; unknown or repeated names throw. */
function readHeader(header: string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((name, position) => {
    const upper = name.toUpperCase();
    if (!OTHER_COLUMNS.includes(upper) && !Object.hasOwn(DWD_DAILY_VARIABLES, upper)) {
      throw new BodyFormatError(`DWD header has an unknown column ${quoteForMessage(name)}`);
    }
    if (positions.has(upper)) throw new BodyFormatError(`DWD header names ${upper} twice`);
    positions.set(upper, position);
  });
  if (!positions.has('STATIONS_ID') || !positions.has('MESS_DATUM')) {
    throw new BodyFormatError('DWD header needs STATIONS_ID and MESS_DATUM');
  }
  return positions;
}

/**
 * Reads DWD daily climate files (`produkt_klima_tag_*.txt`): `;`-separated, padded, CRLF,
 * `-999` for missing, a trailing `eor` column. A daily value refers to the whole day
 * MESS_DATUM; we stamp it at that day's start, 00:00 UTC. Quality is the rating column of
 * the value, e.g. `QN_4=10`. Lines of another station than the first are refused.
 */
export function createDwdDailyReader(options: StationFileOptions): FormatReader {
  const keys = datastreamKeys(options, DWD_DAILY_VARIABLES);
  let stationId: string | null = null;

  return createSemicolonReader((header) => {
    const positions = readHeader(header);
    const valueColumns = [...positions.keys()].filter((name): name is DwdColumn =>
      Object.hasOwn(DWD_DAILY_VARIABLES, name),
    );
    const cellOf = (cells: string[], name: string): string =>
      cells[positions.get(name) ?? -1] ?? '';
    const qualityOf = (cells: string[], column: 'QN_3' | 'QN_4'): string | null => {
      const level = cellOf(cells, column);
      return isMissing(level) ? null : `${column}=${level}`;
    };

    return (cells, line) => {
      const lineStation = readDwdStationId(cellOf(cells, 'STATIONS_ID'));
      const idText = quoteForMessage(cellOf(cells, 'STATIONS_ID'));
      if (lineStation === null) {
        return failedLine(line, `STATIONS_ID ${idText} is not a DWD station id`);
      }
      stationId ??= lineStation;
      if (lineStation !== stationId) {
        return failedLine(
          line,
          `STATIONS_ID ${idText} differs from the first line's (${stationId})`,
        );
      }
      const date = /^(\d{4})(\d{2})(\d{2})$/.exec(cellOf(cells, 'MESS_DATUM'));
      const timeMs =
        date === null ? null : parseIsoTime(`${date[1]}-${date[2]}-${date[3]}T00:00:00Z`);
      if (typeof timeMs !== 'number') {
        return failedLine(
          line,
          `MESS_DATUM ${quoteForMessage(cellOf(cells, 'MESS_DATUM'))} is not a valid YYYYMMDD date`,
        );
      }
      const quality = { QN_3: qualityOf(cells, 'QN_3'), QN_4: qualityOf(cells, 'QN_4') };
      const observations: Observation[] = [];
      let missing = 0;
      for (const column of valueColumns) {
        const cell = cellOf(cells, column);
        if (isMissing(cell)) {
          missing++;
          continue;
        }
        const value = parseDecimal(cell);
        if (value === null) {
          return failedLine(line, `${column} ${quoteForMessage(cell)} is not a number`);
        }
        const qualityColumn = DWD_DAILY_VARIABLES[column].qualityColumn;
        observations.push({
          datastream: keys[column],
          timeMs,
          value,
          quality: quality[qualityColumn],
        });
      }
      return { line, observations, missing };
    };
  });
}
