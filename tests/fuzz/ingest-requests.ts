import fc from 'fast-check';
import { routes } from '../../core/contracts/http';
import type { FuzzRequest } from './fuzz-request';
import { compression } from './hostile-bodies';
import { contentType, extraHeaders, headerValue } from './hostile-http';
import { ingestBody, withEncoding, type IngestTarget } from './ingest-bodies';

// POST /api/v1/observations with valid and wrong tokens, the bodies of ingest-bodies.ts,
// gzip (also broken), chunked or not. Where the generator knows the answer (wrong token:
// 401, too large: 413, a well-formed batch: 200 with every row accounted for), the request
// carries that expectation.

export type { IngestTarget } from './ingest-bodies';

function wrongAuthorization(token: string): fc.Arbitrary<string | undefined> {
  const fakeSecret = 'A'.repeat(43);
  const nearMisses = [
    'Bearer',
    'Basic dXNlcjpwYXNz',
    `Token ${token}`,
    `Bearer ${token}x`,
    `Bearer ${token} ${token}`,
    `Bearer ${token.slice(0, -1)}`,
    // Token ids past PostgreSQL's integer and JavaScript's safe integers.
    `Bearer firn_2147483648_${fakeSecret}`,
    `Bearer firn_99999999999999999999_${fakeSecret}`,
    `Bearer firn_0_${fakeSecret}`,
  ];
  // Short enough for Node's header limit, which would answer 431 before the route.
  const noise = headerValue.filter((v) => v.length < 1_000).map((v) => `Bearer ${v}`);
  // The real id with a wrong secret: scrypt runs (~50 ms of CPU), so it stays rare.
  const wrongSecret = `Bearer ${token.slice(0, -43)}${'B'.repeat(43)}`;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.constantFrom(...nearMisses) },
    { weight: 8, arbitrary: noise },
    { weight: 1, arbitrary: fc.constant(wrongSecret) },
  );
}

/**
 * Extra headers that leave the answer to the route: no Expect (417), no 20 KiB values (431),
 * no Origin (a foreign one is refused before any route: server/http/origin-check.test.ts).
 */
const harmlessExtraHeaders = extraHeaders.map((headers) =>
  Object.fromEntries(
    Object.entries(headers).filter(
      ([name, value]) =>
        !['Expect', 'Content-Encoding', 'Origin'].includes(name) && value.length < 1_000,
    ),
  ),
);

export function ingestRequests(target: IngestTarget): fc.Arbitrary<FuzzRequest> {
  const validAuthorization = fc
    .constantFrom('Bearer ', 'bearer ', 'BEARER   ')
    .map((scheme) => `${scheme}${target.token}`);
  return fc
    .record({
      authorization: fc.oneof(
        { weight: 8, arbitrary: validAuthorization.map((value) => ({ value, valid: true })) },
        {
          weight: 2,
          arbitrary: wrongAuthorization(target.token).map((value) => ({ value, valid: false })),
        },
      ),
      body: ingestBody(target),
      matchingType: fc.oneof(
        { weight: 8, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      otherType: contentType,
      encoding: compression,
      chunked: fc.boolean(),
      extra: harmlessExtraHeaders,
    })
    .map(
      ({ authorization, body, matchingType, otherType, encoding, chunked, extra }): FuzzRequest => {
        const encoded = withEncoding(body, encoding);
        const headers: Record<string, string> = {
          ...extra,
          ...encoded.headers,
          'Content-Type': matchingType ? body.mediaType : otherType,
        };
        if (authorization.value !== undefined) headers['Authorization'] = authorization.value;
        return {
          area: `ingest:${body.label}`,
          method: 'POST',
          target: routes.ingest.path,
          headers,
          body: encoded.bytes,
          chunked,
          // Without the matching media type the answer may be 400, 413 or 415: only < 500 is sure.
          expectStatus: !authorization.valid
            ? [401]
            : matchingType
              ? encoded.body.expectStatus
              : undefined,
          expectRows: authorization.valid && matchingType ? encoded.body.expectRows : undefined,
        };
      },
    );
}
