import { BodyFormatError } from './errors';
import { quoteForMessage } from './quote';

/** Position of each known column in a CSV record, and how many fields a record has. */
export interface CsvColumns {
  datastream: number;
  time: number;
  value: number;
  quality: number | null;
  count: number;
}

const REQUIRED_COLUMNS = ['datastream', 'time', 'value'] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, 'quality'];

/**
 * Maps header names (case-insensitive, trimmed) to positions. An unknown, repeated or
 * missing column is a whole-body error: guessing would put values in the wrong place.
 */
export function readCsvHeader(fields: string[]): CsvColumns {
  const positions = new Map<string, number>();
  fields.forEach((field, position) => {
    const name = field.trim().toLowerCase();
    if (!KNOWN_COLUMNS.includes(name)) {
      throw new BodyFormatError(
        `CSV header has an unknown column ${quoteForMessage(field.trim())}; the columns are datastream, time, value and optionally quality`,
      );
    }
    if (positions.has(name)) throw new BodyFormatError(`CSV header names column "${name}" twice`);
    positions.set(name, position);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !positions.has(name));
  if (missing.length > 0) {
    throw new BodyFormatError(
      `CSV header lacks ${missing.map((name) => `"${name}"`).join(', ')}; it needs datastream, time and value`,
    );
  }
  return {
    datastream: positions.get('datastream') ?? 0,
    time: positions.get('time') ?? 0,
    value: positions.get('value') ?? 0,
    quality: positions.get('quality') ?? null,
    count: fields.length,
  };
}
