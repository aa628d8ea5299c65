import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';

// Bodies no route expects: deeply nested, JSON that JSON.parse refuses or that pollutes
// careless merges, garbage bytes, bigger than the limits, compressed or compressed wrong.

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels; `closed: false` leaves it unbalanced. */
export function deepJson(depth: number, shape: 'array' | 'object', closed = true): string {
  const open = shape === 'array' ? '[' : '{"a":';
  const close = shape === 'array' ? ']' : '}';
  const inner = shape === 'array' ? '' : '1';
  return open.repeat(depth) + inner + (closed ? close.repeat(depth) : '');
}

export const deepBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(10, 1_000, 10_000, 100_000),
    fc.constantFrom('array' as const, 'object' as const),
    fc.boolean(),
  )
  .map(([depth, shape, closed]) => deepJson(depth, shape, closed));

/** JSON texts that JSON.parse refuses (NaN, Infinity) or that pollute careless merges. */
export const trickyJson = fc.constantFrom(
  'NaN',
  '{"value":NaN}',
  '{"value":Infinity}',
  '{"value":-Infinity}',
  '{"value":1e400}',
  '\uFEFF{}',
  '\uFEFF\uFEFF{}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":1,"a":2}',
  '"\\ud800"',
  '',
  'null',
);

/** Any body at all: none, JSON, garbage bytes, deep or tricky JSON, or bigger than limits. */
export const anyBody: fc.Arbitrary<Buffer | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))) },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 2, arbitrary: deepBody.map((text) => Buffer.from(text)) },
  { weight: 2, arbitrary: trickyJson.map((text) => Buffer.from(text)) },
  // Just past the rules body limit (256 KiB) and the fuzz station's ingest limit (1 MiB).
  { weight: 1, arbitrary: fc.constantFrom(300_000, 1_100_000).map(hugeBody) },
);

const hugeBodies = new Map<number, Buffer>();

/** `size` bytes of an endless JSON array (made once per size): no parser can finish it early. */
export function hugeBody(size: number): Buffer {
  let body = hugeBodies.get(size);
  if (body === undefined) hugeBodies.set(size, (body = Buffer.alloc(size, '[1,')));
  return body;
}

/** How a body goes on the wire: as is, gzip, deflate (unsupported), or gzip announced and cut or not done. */
export type Compression = 'none' | 'gzip' | 'deflate' | 'gzip-cut' | 'gzip-lie';

export const compression: fc.Arbitrary<Compression> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('none' as const) },
  { weight: 2, arbitrary: fc.constant('gzip' as const) },
  fc.constantFrom('deflate' as const, 'gzip-cut' as const, 'gzip-lie' as const),
);

/** Compresses a body as announced, or announces compression and sends it raw or cut. */
export function encodeBody(body: Buffer, encoding: Exclude<Compression, 'none'>): Buffer {
  if (encoding === 'deflate') return deflateSync(body);
  if (encoding === 'gzip-lie') return body;
  const gzipped = gzipSync(body);
  return encoding === 'gzip-cut' ? gzipped.subarray(0, Math.floor(gzipped.length / 2)) : gzipped;
}
