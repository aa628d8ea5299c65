import { BodyFormatError } from '../ingest/errors';
import { createLineSplitter, type Line } from '../ingest/lines';
import { failedLine, type FormatReader, type FormatRecord } from './record';

/** Reads one data line, already split into trimmed cells (as many as the header has). */
export type LineReader = (cells: string[], line: number) => FormatRecord;

// Station files have short lines; anything longer is not one of them.
const MAX_LINE_LENGTH = 4096;

/**
 * The shared skeleton of `;`-separated station files: the first non-blank line is the
 * header (given to `readHeader`, which throws BodyFormatError if it cannot use it and
 * returns the reader for data lines), blank lines are skipped, padding is trimmed, a line
 * with the wrong number of cells or too long is an error record.
 */
export function createSemicolonReader(readHeader: (cells: string[]) => LineReader): FormatReader {
  const lines = createLineSplitter(MAX_LINE_LENGTH);
  let readLine: LineReader | null = null;
  let cellCount = 0;

  function toRecords(completed: Line[]): FormatRecord[] {
    const records: FormatRecord[] = [];
    for (const { number, text, tooLong } of completed) {
      if (tooLong && readLine === null) {
        throw new BodyFormatError(`header line is longer than ${MAX_LINE_LENGTH} characters`);
      }
      if (tooLong) {
        records.push(failedLine(number, `longer than ${MAX_LINE_LENGTH} characters`));
        continue;
      }
      if (text.trim() === '') continue;
      const cells = text.split(';').map((cell) => cell.trim());
      if (readLine === null) {
        readLine = readHeader(cells);
        cellCount = cells.length;
      } else if (cells.length !== cellCount) {
        records.push(failedLine(number, `${cells.length} cells where the header has ${cellCount}`));
      } else {
        records.push(readLine(cells, number));
      }
    }
    return records;
  }

  return {
    feed: (chunk) => toRecords(lines.feed(chunk)),
    end: () => toRecords(lines.end()),
  };
}
