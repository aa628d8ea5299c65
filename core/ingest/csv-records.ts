import type { Incremental } from './types';

/** One CSV record: its fields, or why it could not be read. `line` is where it starts. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

export type CsvRecordReader = Incremental<CsvRecord>;

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of `""` or the closing quote. */
  QuoteSeen,
  AfterClosingQuote,
  /** The record is refused; its remaining characters are skipped up to the line end. */
  Skipping,
}

/**
 * RFC 4180 records, read incrementally: `""` escapes a quote, quoted fields may hold the
 * separator and line breaks. Unquoted fields are trimmed (quote a field to keep its
 * spaces); whitespace before an opening quote or after a closing one is ignored. Blank
 * lines are skipped. A malformed or overlong record is reported and reading goes on at
 * the next line; overlong text is dropped as it arrives so memory stays bounded.
 */
export function createCsvRecordReader(separator: string, maxRecordLength: number): CsvRecordReader {
  const separatorCode = separator.charCodeAt(0);
  let state = State.FieldStart;
  let fields: string[] = [];
  let carry = ''; // text of the current field from earlier chunks
  let error: string | null = null;
  let line = 1;
  let recordLine = 1;
  let recordLength = 0;
  const out: CsvRecord[] = []; // records completed since the last feed or end

  function fail(message: string): void {
    error = `line ${recordLine}: ${message}`;
    state = State.Skipping;
    fields = [];
    carry = '';
  }

  function endRecord(): void {
    if (error !== null) out.push({ line: recordLine, error });
    else if (fields.length > 1 || (fields.length === 1 && fields[0] !== '')) {
      out.push({ line: recordLine, fields });
    }
    fields = [];
    carry = '';
    error = null;
    state = State.FieldStart;
    recordLength = 0;
  }

  function afterClosingQuote(code: number): void {
    if (code === separatorCode) state = State.FieldStart;
    else if (code === LINE_FEED) endRecord();
    else if (code !== CARRIAGE_RETURN && code !== SPACE && code !== TAB) {
      fail('unexpected character after a closing quote');
    }
  }

  function scan(chunk: string): void {
    let segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code === LINE_FEED) line++;
      else if (++recordLength > maxRecordLength && state !== State.Skipping) {
        fail(`record is longer than ${maxRecordLength} characters`);
      }
      switch (state) {
        case State.FieldStart:
          if (code === QUOTE) {
            state = State.Quoted;
            segmentStart = i + 1;
          } else if (code === separatorCode) fields.push('');
          else if (code === LINE_FEED) {
            fields.push('');
            endRecord();
          } else if (code !== SPACE && code !== TAB) {
            state = State.Unquoted;
            segmentStart = i;
          }
          break;
        case State.Unquoted:
          if (code === separatorCode || code === LINE_FEED) {
            fields.push((carry + chunk.slice(segmentStart, i)).trim());
            carry = '';
            if (code === LINE_FEED) endRecord();
            else state = State.FieldStart;
          } else if (code === QUOTE) fail('quote inside an unquoted field (quote the whole field)');
          break;
        case State.Quoted:
          if (code === QUOTE) {
            carry += chunk.slice(segmentStart, i);
            state = State.QuoteSeen;
          }
          break;
        case State.QuoteSeen:
          if (code === QUOTE) {
            carry += '"';
            segmentStart = i + 1;
            state = State.Quoted;
          } else {
            fields.push(carry);
            carry = '';
            state = State.AfterClosingQuote;
            afterClosingQuote(code);
          }
          break;
        case State.AfterClosingQuote:
          afterClosingQuote(code);
          break;
        case State.Skipping:
          if (code === LINE_FEED) endRecord();
          break;
      }
      if (code === LINE_FEED && state === State.FieldStart && fields.length === 0) {
        recordLine = line;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) carry += chunk.slice(segmentStart);
  }

  function finish(): void {
    if (state === State.Quoted) fail('quoted field is not closed');
    else if (state === State.Unquoted) fields.push(carry.trim());
    else if (state === State.QuoteSeen) fields.push(carry);
    else if (state === State.FieldStart && fields.length > 0) fields.push('');
    if (error !== null || fields.length > 0) endRecord();
  }

  return {
    feed(chunk) {
      scan(chunk);
      return out.splice(0);
    },
    end() {
      finish();
      return out.splice(0);
    },
  };
}
