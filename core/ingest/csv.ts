import type { ParsedRow, RawObservation } from '../domain/observation';
import { createCsvRecordReader, type CsvRecord, type CsvRecordReader } from './csv-records';
import { readCsvHeader, type CsvColumns } from './csv-header';
import { parseDecimal } from './numbers';
import { DEFAULT_MAX_LINE_LENGTH, type BodyParser, type BodyParserOptions } from './types';
import { BodyFormatError } from './errors';

const EMPTY_BODY_MESSAGE =
  'CSV body is empty: a header line datastream,time,value[,quality] is required';

// The first non-blank line; group 2 is its line break, empty while it has not arrived.
const HEADER_LINE = /^\s*([^\n]*)(\n?)/;

/** `;` when the header has more semicolons than commas, else `,`. */
function detectSeparator(headerLine: string): string {
  const semicolons = headerLine.split(';').length;
  return semicolons > headerLine.split(',').length ? ';' : ',';
}

/**
 * CSV values are text: the value cell is converted here (a decimal number becomes a number,
 * other text stays text and is refused by validateRow); empty cells count as missing.
 */
function toRawObservation(fields: string[], columns: CsvColumns): RawObservation {
  const raw: RawObservation = {};
  const datastream = fields[columns.datastream] ?? '';
  const time = fields[columns.time] ?? '';
  const value = (fields[columns.value] ?? '').trim(); // also when quoted: it is a number
  const quality = columns.quality === null ? '' : (fields[columns.quality] ?? '');
  if (datastream !== '') raw.datastream = datastream;
  if (time !== '') raw.time = time;
  if (value !== '') raw.value = parseDecimal(value) ?? value;
  if (quality !== '') raw.quality = quality;
  return raw;
}

/**
 * CSV body: a header naming datastream, time, value and optionally quality in any order,
 * separator `,` or `;` (detected from the header), RFC 4180 quoting. Header problems throw
 * BodyFormatError; a record that cannot be read or has the wrong field count is a row error.
 */
export function createCsvParser(options: BodyParserOptions = {}): BodyParser {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  let head = ''; // text seen before the header line is complete
  let started = false;
  let reader: CsvRecordReader | null = null;
  let columns: CsvColumns | null = null;
  let index = 0;

  function toRows(records: CsvRecord[]): ParsedRow[] {
    const rows: ParsedRow[] = [];
    for (const record of records) {
      if (columns === null) {
        if ('error' in record) throw new BodyFormatError(`CSV header ${record.error}`);
        columns = readCsvHeader(record.fields);
      } else if ('error' in record) {
        rows.push({ index: index++, ok: false, error: record.error });
      } else if (record.fields.length !== columns.count) {
        const error = `line ${record.line} has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, the header has ${columns.count}`;
        rows.push({ index: index++, ok: false, error });
      } else {
        rows.push({ index: index++, ok: true, raw: toRawObservation(record.fields, columns) });
      }
    }
    return rows;
  }

  /**
   * A record reader once the header line is complete (its separator is then known). The
   * header must end within the first `maxLineLength` characters, so text is not kept
   * without bound while it is awaited.
   */
  function openReader(complete: boolean): CsvRecordReader | null {
    const [text, headerLine = '', lineBreak = ''] = HEADER_LINE.exec(head) ?? [''];
    const headerComplete = lineBreak !== '' || complete;
    if ((headerComplete ? text.length - lineBreak.length : head.length) > maxLineLength) {
      throw new BodyFormatError(
        `CSV header does not end within the first ${maxLineLength} characters`,
      );
    }
    return headerComplete
      ? createCsvRecordReader(detectSeparator(headerLine), maxLineLength)
      : null;
  }

  return {
    feed(chunk) {
      if (reader === null) {
        if (!started && chunk.length > 0) {
          started = true;
          if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        }
        head += chunk;
        // Without a new line break the header line cannot have become complete.
        if (!chunk.includes('\n') && head.length <= maxLineLength) return [];
        reader = openReader(false);
        if (reader === null) return [];
        chunk = head;
        head = '';
      }
      return toRows(reader.feed(chunk));
    },
    end() {
      const rows: ParsedRow[] = [];
      if (reader === null) {
        reader = openReader(true);
        if (reader !== null) rows.push(...toRows(reader.feed(head)));
      }
      if (reader !== null) rows.push(...toRows(reader.end()));
      if (columns === null) throw new BodyFormatError(EMPTY_BODY_MESSAGE);
      return rows;
    },
  };
}
