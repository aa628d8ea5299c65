import fc from 'fast-check';

// The values attackers and broken clients send: injections, traversal, odd numbers, times
// at and beyond the edges of what JavaScript and PostgreSQL can hold, and unicode.

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE observations; --",
  "x'); DELETE FROM ingest_tokens; --",
  '1; SELECT pg_sleep(5) --',
  "' UNION SELECT secret_hash, salt FROM ingest_tokens --",
  '") OR 1=1 --',
  '$1',
  "E'\\x00'",
  "'::jsonb",
  "%' OR key LIKE '%",
  "\\'; TRUNCATE jobs; --",
] as const;

export const EXPRESSION_INJECTIONS = [
  '"; DROP TABLE rules; --',
  "constructor.constructor('return process')().exit(1)",
  '${process.exit(1)}',
  '__proto__.polluted',
  'this.constructor',
  'globalThis.process.exit(1)',
  'eval("1") > 0',
  'require("fs")',
  't > 1; process.exit(1)',
  '{{constructor.constructor}}',
  '`rm -rf /`',
  'toString() > 1',
  'valueOf > 1',
] as const;

export const PATH_TRICKS = [
  '..',
  '../..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%00',
  'a%00b',
  'sattelberg.aws.air_temperature%00',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%zz',
  '%E0%A4%A',
  '....//',
  '.',
  '%2F',
  '~root',
  'a;b=c',
  '%u0000',
  '%FF%FE',
  '*',
] as const;

export const NUMBER_WORDS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '+Infinity',
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '0x10',
  '0b1',
  '1_000',
  '9007199254740993',
  '99999999999999999999999',
  '1,5',
  '١٢',
  'Ⅷ',
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
] as const;

/** Edges of JavaScript dates (±8.64e15 ms), of the accepted range (1900–2200) and of ISO. */
export const EXTREME_TIMES = [
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-19T23:59:59.999Z',
  '+275760-09-13T00:00:00.001Z',
  '99999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '0099-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '1900-01-01T00:00:00Z',
  '2200-12-31T23:59:59.999Z',
  '2201-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-12-31T24:00:00Z',
  '2016-12-31T23:59:60Z',
  '2024-01-01T00:00:00+24:00',
  '2024-01-01T00:00:00-99:99',
  '2024-01-01T00:00:00',
  '2024-01-01',
  '20240101T000000Z',
  '2024-01-01T00:00:00.12345678901234567890Z',
  '1704067200000',
  'now',
  'Mon, 01 Jan 2024 00:00:00 GMT',
  '２０２４-01-01T00:00:00Z',
] as const;

/** Any UTF-16 code unit, lone surrogates included (fast-check's unicode units exclude them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Strings no validator expects: injections, control characters, unicode, lone surrogates, length. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_INJECTIONS, ...EXPRESSION_INJECTIONS, ...PATH_TRICKS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'é'.repeat(length)),
);

const ALL_JS_DATES = { min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true };

/** Time texts: the edges above, any JavaScript date, plain numbers and noise. */
export const timeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXTREME_TIMES),
  fc.date(ALL_JS_DATES).map((date) => date.toISOString()),
  fc.integer().map(String),
  hostileText,
);

/** Number texts for query strings and CSV cells. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMBER_WORDS),
  fc.double().map(String),
  fc.bigInt().map(String),
  hostileText,
);
