import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  quarantineFixResponseSchema,
  quarantineListSchema,
  quarantineRowSchema,
  uploadResponseSchema,
} from '../../core/contracts/uploads';
import { backends } from '../../tests/support/backends';
import { sharedData, startTestStation, type TestStation } from '../../tests/support/server';

// Property tests of the upload and quarantine endpoints over real HTTP and PostgreSQL:
// whatever arrives, the answer is a 2xx that fits the contract or a 4xx with a message.

const postgres = backends.find((b) => b.name === 'postgres');
if (!postgres) throw new Error('no postgres backend');

const realLines = fs
  .readFileSync(path.join(sharedData, 'sattelberg', 'sattelberg_10min_2017.csv'), 'utf8')
  .split('\n')
  .slice(0, 40);

const printable = (maxLength: number) =>
  fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${maxLength}}$`));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);

const uploadBody = fc.oneof(
  anyText,
  // A real station file, cut and mangled: lines dropped, swapped or garbled.
  fc
    .tuple(
      fc.array(fc.oneof(fc.constantFrom(...realLines), anyText), { maxLength: 30 }),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([lines, eol]) => lines.join(eol)),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('sattelberg.aws.air_temperature', 'nowhere.x.y', ''),
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          anyText,
        ),
        fc.oneof(fc.double().map(String), anyText),
      ),
      { maxLength: 20 },
    )
    .map((rows) => ['datastream,time,value', ...rows.map((r) => r.join(','))].join('\n')),
  fc
    .array(fc.jsonValue(), { maxLength: 10 })
    .map((v) => v.map((x) => JSON.stringify(x)).join('\n')),
);

const uploadQuery = fc.record(
  {
    name: fc.oneof(fc.constantFrom('sattelberg_10min_2017.csv', 'x.ndjson', 'a.csv'), anyText),
    format: fc.oneof(fc.constantFrom('sattelberg', 'dwd-daily', 'csv', 'ndjson'), anyText),
    station: fc.oneof(fc.constantFrom('sattelberg', 'zugspitze', 'nowhere'), anyText),
    instrument: fc.oneof(fc.constantFrom('aws', 'dwd_daily'), anyText),
  },
  { requiredKeys: [] },
);

const contentType = fc.oneof(
  fc.constantFrom(
    'application/octet-stream',
    'text/csv',
    'application/x-ndjson',
    'application/json',
    'text/plain',
    'multipart/form-data',
  ),
  printable(40),
);

async function expectSaneAnswer(
  response: Response,
  schema: { safeParse(v: unknown): { success: boolean } },
) {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  const body = JSON.parse(text);
  if (response.ok) expect(schema.safeParse(body).success, text).toBe(true);
  else expect(body.error.message, text).toMatch(/\S/);
}

describe('hostile uploads and quarantine calls on PostgreSQL', () => {
  let station: TestStation;
  const headers = { 'X-Firn-User': 'sara' };
  beforeAll(async () => {
    station = await startTestStation(postgres);
  });
  afterAll(() => station?.close());

  it('uploads answer the contract or a 4xx with a message, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(uploadBody, uploadQuery, contentType, async (body, query, type) => {
        const params = new URLSearchParams(query as Record<string, string>);
        const response = await fetch(`${station.server.url}/api/v1/uploads?${params}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': type },
          body,
        });
        await expectSaneAnswer(response, uploadResponseSchema);
      }),
      { numRuns: 120 },
    );
  });

  it('listing, fixing and discarding answer the contract or a 4xx, never a 5xx', async () => {
    // Something to fix: rows refused for an unknown datastream and a bad value.
    const seeded = await fetch(`${station.server.url}/api/v1/uploads?name=seed.csv`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/csv' },
      body: 'datastream,time,value\nnowhere.x.y,2018-01-01T00:00:00Z,1\nsattelberg.aws.air_temperature,2018-01-01T00:00:00Z,x\n',
    });
    const ids = ((await seeded.json()) as { quarantinedIds: number[] }).quarantinedIds.map(String);
    expect(ids).toHaveLength(2);
    const id = fc.oneof(
      fc.constantFrom(...ids, '0', '-1', '1e3', '9007199254740993'),
      printable(20),
    );
    const fixRow = fc.record(
      {
        datastream: fc.oneof(
          fc.constantFrom('sattelberg.aws.air_temperature', 'nowhere.x.y'),
          anyText,
        ),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          anyText,
        ),
        value: fc.oneof(fc.double(), anyText, fc.constant(null)),
        quality: fc.oneof(anyText, fc.integer()),
      },
      { requiredKeys: [] },
    );
    const fixBody = fc.oneof(
      fixRow.map((row) => JSON.stringify({ raw: JSON.stringify(row) })),
      anyText.map((raw) => JSON.stringify({ raw })),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      anyText,
    );
    const listQuery = fc.record(
      {
        error: anyText,
        before: fc.oneof(printable(20), fc.nat().map(String)),
        limit: printable(6),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          listQuery.map((q) => ({ kind: 'list' as const, q })),
          fc.tuple(id, fixBody).map(([i, body]) => ({ kind: 'fix' as const, i, body })),
          id.map((i) => ({ kind: 'discard' as const, i })),
        ),
        async (call) => {
          const base = `${station.server.url}/api/v1/quarantine`;
          const json = { ...headers, 'Content-Type': 'application/json' };
          if (call.kind === 'list') {
            const params = new URLSearchParams(call.q as Record<string, string>);
            await expectSaneAnswer(
              await fetch(`${base}?${params}`, { headers }),
              quarantineListSchema,
            );
          } else if (call.kind === 'fix') {
            const url = `${base}/${encodeURIComponent(call.i)}/fix`;
            const response = await fetch(url, { method: 'POST', headers: json, body: call.body });
            await expectSaneAnswer(response, quarantineFixResponseSchema);
          } else {
            const url = `${base}/${encodeURIComponent(call.i)}/discard`;
            const response = await fetch(url, { method: 'POST', headers: json, body: '{}' });
            await expectSaneAnswer(response, quarantineRowSchema);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect((await fetch(`${station.server.url}/api/health`)).status).toBe(200);
  });
});
