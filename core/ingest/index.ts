import { createCsvParser } from './csv';
import { UnsupportedMediaTypeError } from './errors';
import { createJsonParser } from './json';
import { createNdjsonParser } from './ndjson';
import type { BodyParser, BodyParserOptions } from './types';

export { checkBatch, type CheckedBatch } from './batch';
export { BodyFormatError, UnsupportedMediaTypeError } from './errors';
export { createCsvParser } from './csv';
export { createJsonParser, parseJsonBody } from './json';
export { createNdjsonParser } from './ndjson';
export type { BodyParser, BodyParserOptions } from './types';
export { parseIsoTime, validateRow, isRowError } from './validate-row';

const PARSERS_BY_MEDIA_TYPE: Record<string, (options: BodyParserOptions) => BodyParser> = {
  'application/json': () => createJsonParser(),
  'application/x-ndjson': createNdjsonParser,
  'application/ndjson': createNdjsonParser,
  'application/jsonl': createNdjsonParser,
  'text/csv': createCsvParser,
};

/**
 * The body parser for a Content-Type header. Parameters such as `; charset=utf-8` are
 * ignored (bodies are decoded as UTF-8 before they get here); an unknown media type throws
 * UnsupportedMediaTypeError.
 */
export function createBodyParser(contentType: string, options: BodyParserOptions = {}): BodyParser {
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const create = Object.hasOwn(PARSERS_BY_MEDIA_TYPE, mediaType)
    ? PARSERS_BY_MEDIA_TYPE[mediaType]
    : undefined;
  if (create === undefined) {
    throw new UnsupportedMediaTypeError(
      `unsupported media type ${JSON.stringify(mediaType.slice(0, 100))}: send application/json, application/x-ndjson or text/csv`,
    );
  }
  return create(options);
}
