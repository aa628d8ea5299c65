import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ParsedRow } from '../../core/domain/observation';
import { createBodyParser } from '../../core/ingest/index';
import { badRequest, payloadTooLarge } from '../http/app-error';

export interface BodyLimits {
  maxBytes: number;
  maxRows: number;
}

/**
 * Parses an ingest body as it streams in (JSON, NDJSON or CSV; gzip allowed), stopping
 * with 413 as soon as it passes the byte or row limit, so a huge body never sits in memory.
 */
export async function readObservationRows(
  req: IncomingMessage,
  limits: BodyLimits,
): Promise<ParsedRow[]> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) throw tooLarge(limits);
  const parser = createBodyParser(req.headers['content-type'] ?? '');
  const source = bodyStream(req);
  const decoder = new StringDecoder('utf8');
  const rows: ParsedRow[] = [];
  let bytes = 0;
  try {
    // An early stop (413, a bad CSV header) must not destroy the request: that resets the
    // connection, and the client may never read the answer. The error handler drains it.
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      if (bytes > limits.maxBytes) throw tooLarge(limits);
      for (const row of parser.feed(decoder.write(buffer))) rows.push(row);
      if (rows.length > limits.maxRows) throw tooManyRows(limits);
    }
  } catch (error) {
    if (String((error as NodeJS.ErrnoException).code).startsWith('Z_')) {
      throw badRequest('body is not valid gzip');
    }
    throw error;
  }
  for (const row of parser.feed(decoder.end())) rows.push(row);
  for (const row of parser.end()) rows.push(row);
  if (rows.length > limits.maxRows) throw tooManyRows(limits);
  return rows;
}

/** The request body, gunzipped when sent with `Content-Encoding: gzip`. */
export function bodyStream(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  if (encoding === 'gzip') {
    const gunzip = createGunzip();
    req.pipe(gunzip);
    gunzip.on('error', () => undefined); // surfaced through the async iterator
    return gunzip;
  }
  throw badRequest(`Content-Encoding "${encoding}" is not supported; use gzip or none`);
}

const tooLarge = (limits: BodyLimits) =>
  payloadTooLarge(`body is larger than ${limits.maxBytes} bytes; split the batch`);
const tooManyRows = (limits: BodyLimits) =>
  payloadTooLarge(`a batch holds at most ${limits.maxRows} rows; split it`);
