import type { ParsedRow } from '../domain/observation';
import { BodyFormatError } from './errors';
import type { BodyParser } from './types';
import { isRowObject, ROW_NOT_AN_OBJECT } from './validate-row';

export const JSON_ENVELOPE_MESSAGE = 'body must be {"observations":[...]}';

function rowsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isRowObject(body) && Array.isArray(body.observations)) return body.observations;
  throw new BodyFormatError(JSON_ENVELOPE_MESSAGE);
}

/**
 * Reads a JSON body: `{"observations":[...]}` or a bare array. JSON.parse does not
 * recurse, so deep nesting cannot overflow the stack here; elements that are not
 * objects become row errors, everything else about the rows is left to validateRow.
 */
export function parseJsonBody(text: string): ParsedRow[] {
  let body: unknown;
  try {
    body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new BodyFormatError(`body is not valid JSON: ${reason}`);
  }
  return rowsOf(body).map((raw, index): ParsedRow =>
    isRowObject(raw) ? { index, ok: true, raw } : { index, ok: false, error: ROW_NOT_AN_OBJECT },
  );
}

/** JSON cannot be read in pieces, so chunks are kept and parsed at the end. */
export function createJsonParser(): BodyParser {
  const chunks: string[] = [];
  return {
    feed(chunk) {
      chunks.push(chunk);
      return [];
    },
    end: () => parseJsonBody(chunks.join('')),
  };
}
