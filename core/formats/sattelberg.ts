import type { Observation } from '../domain/observation';
import { BodyFormatError } from '../ingest/errors';
import { MAX_TIME_MS, MIN_TIME_MS } from '../ingest/iso-time';
import { parseDecimal } from '../ingest/numbers';
import { quoteForMessage } from '../ingest/quote';
import { failedLine, type FormatReader, type VariableSpec } from './record';
import { createSemicolonReader } from './semicolon-reader';
import { datastreamKeys, type StationFileOptions } from './station-keys';

/** Columns of the ACINN Sattelberg / Ellbögen files and the variables they hold. */
export const SATTELBERG_VARIABLES = {
  dd: { variable: 'wind_direction', unit: 'deg' },
  ff: { variable: 'wind_speed', unit: 'm/s' },
  p: { variable: 'air_pressure', unit: 'hPa' },
  rh: { variable: 'relative_humidity', unit: '%' },
  t: { variable: 'air_temperature', unit: 'degC' },
} as const satisfies Record<string, VariableSpec>;

type SattelbergColumn = keyof typeof SATTELBERG_VARIABLES;

function isSattelbergColumn(name: string): name is SattelbergColumn {
  return Object.hasOwn(SATTELBERG_VARIABLES, name);
}

/** Missing values are `NA` (hourly files) or a blank, space-padded cell (10-minute files). */
function isMissing(cell: string): boolean {
  return cell === 'NA' || cell === '';
}

/**
 * Reads `timestamp;dd;ff;rh;t` or `timestamp;dd;ff;p;rh;t` (any subset, any order after
 * `timestamp`): epoch seconds UTC, padded numbers, `NA` for missing. Observations carry no
 * quality: the files have none.
 */
export function createSattelbergReader(options: StationFileOptions): FormatReader {
  const keys = datastreamKeys(options, SATTELBERG_VARIABLES);

  return createSemicolonReader((header) => {
    const [first, ...rest] = header;
    if (first !== 'timestamp') {
      throw new BodyFormatError('Sattelberg header must start with "timestamp"');
    }
    const columns = rest.map((name, position) => {
      if (rest.indexOf(name) !== position) {
        throw new BodyFormatError(`Sattelberg header names column ${quoteForMessage(name)} twice`);
      }
      if (!isSattelbergColumn(name)) {
        throw new BodyFormatError(
          `Sattelberg header has an unknown column ${quoteForMessage(name)}; known: timestamp, dd, ff, p, rh, t`,
        );
      }
      return name;
    });

    return ([timestamp = '', ...cells], line) => {
      const timeMs = /^-?\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : NaN;
      if (!(timeMs >= MIN_TIME_MS && timeMs < MAX_TIME_MS)) {
        return failedLine(
          line,
          `timestamp ${quoteForMessage(timestamp)} is not epoch seconds (years 1900–2200)`,
        );
      }
      const observations: Observation[] = [];
      let missing = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as SattelbergColumn;
        const cell = cells[i] ?? '';
        if (isMissing(cell)) {
          missing++;
          continue;
        }
        const value = parseDecimal(cell);
        if (value === null) {
          return failedLine(line, `${column} ${quoteForMessage(cell)} is not a number`);
        }
        observations.push({ datastream: keys[column], timeMs, value, quality: null });
      }
      return { line, observations, missing };
    };
  });
}
