import fc from 'fast-check';
import { hostileText, numberText, SQL_INJECTIONS, timeText } from './hostile-values';

// Observation rows for ingest bodies: mostly nearly right (real keys, real times) so that
// rows get as far as the database, with hostile fields mixed in, and the serialisations
// of a batch (JSON, NDJSON, CSV) that let the generator know how many rows it sent.

export type Row = Record<string, unknown>;

const goodTime = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString());

function datastreamOf(keys: readonly string[]): fc.Arbitrary<unknown> {
  const near = SQL_INJECTIONS.map((injection) => `sattelberg.aws.air_temperature${injection}`);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'ellboegen.aws.air_temperature',
        'nowhere.x.y',
        'Sattelberg.AWS.Air_Temperature',
        'sattelberg.aws.lufttemperatür',
        'ｓａｔｔｅｌｂｅｒｇ.aws.air_temperature',
        ...near,
      ),
    },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) },
    // Left out of the JSON text altogether.
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  // NaN and ±Infinity become null in JSON and text in CSV; both must be refused per row.
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, -0, 2 ** 53 + 2) },
  { weight: 1, arbitrary: numberText },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
  },
);

const quality = fc.oneof(
  fc.constantFrom('good', 'suspect', '', 'ok\u0000', 'tab\there'),
  fc.constantFrom(...SQL_INJECTIONS),
  hostileText,
  fc.integer(),
);

/** Field names that look like the real ones, or could pollute an object built from them. */
const extraFieldName = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'DATASTREAM', 'datastream ', 'vålue'),
);

export function rowOf(keys: readonly string[]): fc.Arbitrary<Row> {
  return fc
    .record(
      {
        datastream: datastreamOf(keys),
        time: fc.oneof({ weight: 4, arbitrary: goodTime }, timeText, fc.integer()),
        value,
        quality,
        extras: fc.array(fc.tuple(extraFieldName, fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
      },
      { requiredKeys: ['datastream', 'time', 'value'] },
    )
    .map(({ extras, ...fields }) =>
      // fromEntries defines `__proto__` as a plain field, as JSON.parse on the server does.
      Object.fromEntries([...Object.entries(fields), ...(extras ?? [])]),
    );
}

/** A CSV cell, always quoted so that no record is blank and every row is counted. */
function csvCell(cell: unknown): string {
  const text = typeof cell === 'string' ? cell : cell === undefined ? '' : JSON.stringify(cell);
  return `"${text.replace(/"/g, '""')}"`;
}

export type RowFormat = 'json' | 'array' | 'ndjson' | 'csv' | 'csv-semicolon';

export const MEDIA_TYPE_OF: Record<RowFormat, string> = {
  json: 'application/json',
  array: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  'csv-semicolon': 'text/csv; charset=utf-8',
};

/** The CSV and NDJSON parsers refuse longer records as one row; past it, counting is moot. */
const MAX_RECORD_CHARS = 64 * 1024;

/** The body text, and whether each row is surely one row to the server's parser. */
export function serialise(format: RowFormat, rows: Row[]): { text: string; countable: boolean } {
  switch (format) {
    case 'json':
      return { text: JSON.stringify({ observations: rows }), countable: true };
    case 'array':
      return { text: JSON.stringify(rows), countable: true };
    case 'ndjson':
      // JSON.stringify escapes line breaks, so each row is one line.
      return { text: rows.map((row) => JSON.stringify(row)).join('\n'), countable: true };
    default: {
      const separator = format === 'csv' ? ',' : ';';
      const columns = ['datastream', 'time', 'value', 'quality'];
      const records = rows.map((row) => columns.map((c) => csvCell(row[c])).join(separator));
      const countable = records.every((record) => record.length < MAX_RECORD_CHARS);
      return { text: [columns.join(separator), ...records].join('\r\n'), countable };
    }
  }
}
