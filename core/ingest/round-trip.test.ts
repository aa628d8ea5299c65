import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../domain/observation';
import { checkBatch } from './batch';
import { createBodyParser } from './index';
import { MAX_TIME_MS, MIN_TIME_MS } from './iso-time';
import { cutsArbitrary, feedAll, splitAt } from './test-support';

const keyPart = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}$/);
const observationArbitrary: fc.Arbitrary<Observation> = fc.record({
  datastream: fc.tuple(keyPart, keyPart, keyPart).map((parts) => parts.join('.')),
  timeMs: fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS - 1 }),
  // JSON and CSV both write -0 as 0, so -0 cannot survive the trip.
  value: fc
    .oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer().map((tenths) => tenths / 10),
    )
    .map((value) => (value === 0 ? 0 : value)),
  quality: fc.option(
    fc
      .oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
        // Characters that CSV must quote or that trimming would lose.
        fc.string({
          unit: fc.constantFrom('"', ',', ';', ' ', '\t', '\r', '\n', '\uFEFF', 'q'),
          minLength: 1,
          maxLength: 32,
        }),
      )
      // Control characters are refused in a quality, so the generator replaces them.
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .map((quality) => quality.replace(/[\u0000-\u001f\u007f]/g, 'q')),
    { nil: null },
  ),
});
const batchArbitrary = fc.uniqueArray(observationArbitrary, {
  maxLength: 25,
  selector: (observation) => `${observation.datastream} ${observation.timeMs}`,
});

/** The ways clients write one instant: offset, separator, colon, fraction digits. */
const timeStyleArbitrary = fc.record({
  offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
  zulu: fc.boolean(),
  separator: fc.constantFrom('T', ' '),
  colon: fc.boolean(),
  extraDigits: fc.constantFrom('', '9', '999999'),
});
type TimeStyle = typeof timeStyleArbitrary extends fc.Arbitrary<infer T> ? T : never;

function writeTime(ms: number, style: TimeStyle): string {
  const offset = style.zulu ? 0 : style.offsetMinutes;
  const local = new Date(ms + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  const zone = style.zulu ? 'Z' : `${sign}${hours}${style.colon ? ':' : ''}${minutes}`;
  return `${local.slice(0, 10)}${style.separator}${local.slice(11, 23)}${style.extraDigits}${zone}`;
}

function toRaw(observation: Observation, style: TimeStyle): Record<string, unknown> {
  const { datastream, timeMs, value, quality } = observation;
  const raw = { datastream, time: writeTime(timeMs, style), value };
  return quality === null ? raw : { ...raw, quality };
}

function csvField(text: string, separator: string): string {
  const needsQuotes = /["\r\n]/.test(text) || text.includes(separator) || text.trim() !== text;
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLayoutArbitrary = fc.record({
  columns: fc.shuffledSubarray(['datastream', 'time', 'value', 'quality'], { minLength: 4 }),
  separator: fc.constantFrom(',', ';'),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  upperCaseHeader: fc.boolean(),
});

function writeCsv(
  rows: Record<string, unknown>[],
  layout: typeof csvLayoutArbitrary extends fc.Arbitrary<infer T> ? T : never,
): string {
  const { columns, separator, lineEnd } = layout;
  const header = columns.map((column) => (layout.upperCaseHeader ? column.toUpperCase() : column));
  const lines = rows.map((row) =>
    columns
      .map((column) => csvField(row[column] === undefined ? '' : String(row[column]), separator))
      .join(separator),
  );
  return [header.join(separator), ...lines].join(lineEnd);
}

function readBack(contentType: string, body: string, cuts: number[]) {
  const rows = feedAll(createBodyParser(contentType), splitAt(body, cuts));
  return checkBatch(rows);
}

describe('round trip: written observations parse back the same', () => {
  const common = [batchArbitrary, timeStyleArbitrary, cutsArbitrary] as const;

  function expectSame(observations: Observation[], result: ReturnType<typeof checkBatch>): void {
    expect(result.rejected).toEqual([]);
    expect(result.observations).toEqual(observations);
    expect(result.observationIndexes).toEqual(observations.map((_, index) => index));
  }

  it('JSON', () => {
    fc.assert(
      fc.property(...common, fc.boolean(), (observations, style, cuts, bare) => {
        const rows = observations.map((observation) => toRaw(observation, style));
        const body = JSON.stringify(bare ? rows : { observations: rows });
        expectSame(observations, readBack('application/json', body, cuts));
      }),
    );
  });

  it('NDJSON', () => {
    fc.assert(
      fc.property(
        ...common,
        fc.constantFrom('\n', '\r\n', '\n\n'),
        (observations, style, cuts, lineEnd) => {
          const body = observations
            .map((observation) => JSON.stringify(toRaw(observation, style)))
            .join(lineEnd);
          expectSame(observations, readBack('application/x-ndjson', body, cuts));
        },
      ),
    );
  });

  it('CSV', () => {
    fc.assert(
      fc.property(...common, csvLayoutArbitrary, (observations, style, cuts, layout) => {
        const body = writeCsv(
          observations.map((observation) => toRaw(observation, style)),
          layout,
        );
        expectSame(observations, readBack('text/csv', body, cuts));
      }),
    );
  });
});
