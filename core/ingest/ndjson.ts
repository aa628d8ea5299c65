import type { ParsedRow } from '../domain/observation';
import { createLineSplitter, type Line } from './lines';
import { DEFAULT_MAX_LINE_LENGTH, type BodyParser, type BodyParserOptions } from './types';
import { isRowObject, ROW_NOT_AN_OBJECT } from './validate-row';

const BLANK = /^\s*$/;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'unreadable';
}

/**
 * NDJSON body: one JSON object a line. Blank lines are not rows; every other line is
 * one row, a line that is not JSON (or too long) becomes a row error and parsing goes on.
 */
export function createNdjsonParser(options: BodyParserOptions = {}): BodyParser {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const lines = createLineSplitter(maxLineLength);
  let index = 0;

  function toRow(line: Line): ParsedRow {
    const rowIndex = index++;
    if (line.tooLong) {
      return {
        index: rowIndex,
        ok: false,
        error: `line ${line.number} is longer than ${maxLineLength} characters`,
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch (error) {
      return {
        index: rowIndex,
        ok: false,
        error: `line ${line.number} is not valid JSON: ${errorMessage(error)}`,
        source: line.text,
      };
    }
    if (!isRowObject(parsed)) {
      return { index: rowIndex, ok: false, error: ROW_NOT_AN_OBJECT, source: line.text };
    }
    return { index: rowIndex, ok: true, raw: parsed };
  }

  function toRows(completed: Line[]): ParsedRow[] {
    const rows: ParsedRow[] = [];
    for (const line of completed) {
      if (line.tooLong || !BLANK.test(line.text)) rows.push(toRow(line));
    }
    return rows;
  }

  return {
    feed: (chunk) => toRows(lines.feed(chunk)),
    end: () => toRows(lines.end()),
  };
}
