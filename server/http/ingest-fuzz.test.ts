import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const contentTypes = fc.constantFrom(
  'application/json',
  'application/x-ndjson',
  'text/csv',
  'text/csv; charset=utf-8',
  'application/xml',
  '',
  'multipart/form-data',
);

/** Rows that are almost right: real keys and shapes, with hostile values mixed in. */
const nearlyValidRow = fc.record(
  {
    datastream: fc.oneof(
      fc.constantFrom(
        'sattelberg.aws.air_temperature',
        'ellboegen.aws.wind_speed',
        "x'; DROP TABLE observations; --",
      ),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
    ),
    time: fc.oneof(
      fc
        .date({ min: new Date(-8e15), max: new Date(8e15), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.string(),
      fc.integer(),
    ),
    value: fc.oneof(fc.double(), fc.constantFrom('NaN', 'Infinity', '1e400', null), fc.string()),
    quality: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.integer(),
    ),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(nearlyValidRow, { maxLength: 30 }).map((rows) => JSON.stringify({ observations: rows })),
  fc
    .array(nearlyValidRow, { maxLength: 30 })
    .map((rows) => rows.map((r) => JSON.stringify(r)).join('\n')),
  fc
    .array(nearlyValidRow, { maxLength: 30 })
    .map(
      (rows) =>
        `datastream,time,value\n${rows.map((r) => `${r.datastream},${r.time},${r.value}`).join('\n')}`,
    ),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);

describe.each(backends)('hostile ingest bodies on $name', (backend) => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startTestStation(backend);
  });
  afterAll(() => station.close());

  it('always answer 200 or a 4xx with a message, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentTypes, async (text, contentType) => {
        const res = await station.post(text, contentType);
        expect(res.status).toBeLessThan(500);
        const answer = await res.json();
        if (res.status === 200)
          expect(answer.accepted + answer.rejected.length).toBeGreaterThanOrEqual(0);
        else expect(answer.error.message).toEqual(expect.any(String));
      }),
      { numRuns: 250 },
    );
    expect((await fetch(`${station.server.url}/api/health`)).status).toBe(200);
  });
});
