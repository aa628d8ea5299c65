import fc from 'fast-check';
import { hostileText } from './hostile-values';

// The HTTP parts around a value: methods, headers and content types (bodies are in
// hostile-bodies.ts).

/** CONNECT is left out: the client would open a tunnel instead of sending a request. */
export const httpMethod = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'FUZZ',
);

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16le',
  'application/json; charset=latin1',
  'application/json; charset=utf-42',
  'application/json;charset=',
  'APPLICATION/JSON',
  ' application/json ',
  'application/vnd.api+json',
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'text/csv',
  'text/csv; header=present',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  '',
  ';',
  '/',
  'application/json, text/csv',
  'a/b; c="d',
  'Ã©/Ã©',
);

/** Node refuses header values with control characters; everything else in latin1 goes. */
const HEADER_VALUE_CHAR = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }))
  .map((code) => String.fromCharCode(code));

const SENDABLE_IN_HEADER = /^[\t\x20-\x7e\x80-\xff]*$/;

export const headerValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: HEADER_VALUE_CHAR, maxLength: 60 }) },
  {
    weight: 10,
    arbitrary: hostileText.filter((text) => text.length < 2_000 && SENDABLE_IN_HEADER.test(text)),
  },
  // Past Node's 16 KiB header limit: the parser itself must answer (431). Rare, because
  // none of the server's own code runs for it.
  { weight: 1, arbitrary: fc.constant('x'.repeat(20_000)) },
);

/** Headers besides Content-Type that servers are known to trip over. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'Accept',
        'Accept-Charset',
        'Content-Encoding',
        'Origin',
        'Cookie',
        'X-Forwarded-For',
        'X-Fuzz',
        'If-None-Match',
        'Range',
        'Expect',
      ),
      headerValue,
    ),
    { maxLength: 3 },
  )
  .map((pairs) => Object.fromEntries(pairs));
