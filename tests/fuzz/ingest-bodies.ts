import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { deepJson, encodeBody, hugeBody, type Compression } from './hostile-bodies';
import { MEDIA_TYPE_OF, rowOf, serialise, type RowFormat } from './ingest-rows';

// Ingest bodies: batches of generated rows in every format, and bodies whose shape is the
// point (deep nesting, NaN literals, emptiness, past the byte and row limits, gzip bombs),
// each with the answer the generator knows it must get.

export interface IngestTarget {
  token: string;
  datastreams: readonly string[];
  maxBodyBytes: number;
  maxRows: number;
}

export interface IngestBody {
  label: string;
  text: Buffer;
  mediaType: string;
  expectStatus?: readonly number[];
  expectRows?: number;
}

/** Bodies whose shape is the point: deep nesting, NaN literals, emptiness, too many rows. */
function specialBodies(target: IngestTarget): IngestBody[] {
  const row = `{"datastream":"${target.datastreams[0]}","time":"2024-01-01T00:00:00Z","value":NaN}`;
  const json = 'application/json';
  const ndjson = 'application/x-ndjson';
  const csv = 'text/csv';
  const body = (label: string, text: string | Buffer, mediaType: string, extra = {}) => ({
    label,
    text: Buffer.from(text),
    mediaType,
    ...extra,
  });
  return [
    body('deep-row', `{"observations":[${deepJson(10_000, 'array')}]}`, json, { expectRows: 1 }),
    body('deep-envelope', `{"observations":${deepJson(10_000, 'object')}}`, json, {
      expectStatus: [400],
    }),
    body('deep-unclosed', deepJson(10_000, 'array', false), json, { expectStatus: [400] }),
    body('deep-line', deepJson(10_000, 'object'), ndjson, { expectRows: 1 }),
    body('nan-literal', `{"observations":[${row}]}`, json, { expectStatus: [400] }),
    body('nan-line', `${row}\n${row.replace('NaN', 'Infinity')}`, ndjson, { expectRows: 2 }),
    body('empty-json', '', json, { expectStatus: [400] }),
    body('empty-ndjson', '', ndjson, { expectRows: 0 }),
    body('empty-csv', '', csv, { expectStatus: [400] }),
    body('csv-no-header', `${target.datastreams[0]},2024-01-01T00:00:00Z,1\n`, csv, {
      expectStatus: [400],
    }),
    body('too-many-rows', `datastream,time,value\n${'a,b,c\n'.repeat(target.maxRows + 1)}`, csv, {
      expectStatus: [413],
    }),
    body('too-many-lines', '{}\n'.repeat(target.maxRows + 1), ndjson, { expectStatus: [413] }),
    body('too-large', hugeBody(target.maxBodyBytes + 1), json, { expectStatus: [413] }),
  ];
}

export function ingestBody(target: IngestTarget): fc.Arbitrary<IngestBody> {
  const formats: RowFormat[] = ['json', 'array', 'ndjson', 'csv', 'csv-semicolon'];
  const batch = fc
    .tuple(fc.constantFrom(...formats), fc.array(rowOf(target.datastreams), { maxLength: 30 }))
    .map(([format, rows]): IngestBody => {
      const { text, countable } = serialise(format, rows);
      const bytes = Buffer.from(text);
      if (bytes.length > target.maxBodyBytes) {
        return {
          label: format,
          text: bytes,
          mediaType: MEDIA_TYPE_OF[format],
          expectStatus: [413],
        };
      }
      const expectRows = countable ? rows.length : undefined;
      return {
        label: format,
        text: bytes,
        mediaType: MEDIA_TYPE_OF[format],
        expectStatus: [200],
        expectRows,
      };
    });
  // Small on the wire, four times the byte limit once inflated.
  const bomb: IngestBody = {
    label: 'gzip-bomb',
    text: gzipSync(Buffer.alloc(target.maxBodyBytes * 4, ' ')),
    mediaType: 'application/x-ndjson',
    expectStatus: [413],
  };
  return fc.oneof(
    { weight: 8, arbitrary: batch },
    { weight: 2, arbitrary: fc.constantFrom(...specialBodies(target)) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 4_000 }).map((bytes) => ({
        label: 'garbage',
        text: Buffer.from(bytes),
        mediaType: 'application/x-ndjson',
      })),
    },
    { weight: 1, arbitrary: fc.constant(bomb) },
  );
}

/** Compression as announced, or announced and broken (a broken one is a 400). */
export function withEncoding(
  body: IngestBody,
  encoding: Compression,
): { bytes: Buffer; headers: Record<string, string>; body: IngestBody } {
  // The bomb is gzip already.
  if (body.label === 'gzip-bomb')
    return { bytes: body.text, headers: { 'Content-Encoding': 'gzip' }, body };
  if (encoding === 'none') return { bytes: body.text, headers: {}, body };
  const bytes = encodeBody(body.text, encoding);
  const headers = { 'Content-Encoding': encoding === 'deflate' ? 'deflate' : 'gzip' };
  if (encoding === 'gzip') return { bytes, headers, body };
  // Broken compression is a 400, unless the size check comes first (413).
  const tooLarge = body.expectStatus?.includes(413) ?? false;
  const expectStatus = tooLarge ? [400, 413] : [400];
  return { bytes, headers, body: { ...body, expectStatus, expectRows: undefined } };
}
