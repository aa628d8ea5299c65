import { describe, expect, it } from 'vitest';
import { toMessage } from '../relay/outbox-relay';
import { decodeObservation } from '../../core/contracts/decode-observation';

const relayed = (value: number, quality: string | null = null) =>
  toMessage({
    datastream: 'sattelberg.aws.air_temperature',
    timeMs: Date.UTC(2024, 0, 15, 6, 10),
    value,
    quality,
    batchId: 1842,
  }).value;

describe('decodeObservation', () => {
  it('reads what the relay writes, for every kind of number and quality', () => {
    for (const value of [0, -4.2, 350, 1e-7, -2.5e21, 123456.789]) {
      for (const quality of [null, 'ok', 'é ü ✓']) {
        expect(decodeObservation(relayed(value, quality))).toEqual({
          datastream: 'sattelberg.aws.air_temperature',
          timeMs: Date.UTC(2024, 0, 15, 6, 10),
          value,
          quality,
        });
      }
    }
  });

  it('reads other producers’ spellings of the same message as JSON does', () => {
    const object = JSON.parse(relayed(-4.2, 'ok')) as Record<string, unknown>;
    const reordered = JSON.stringify({ batchId: 1842, ...object, extra: [1] }); // batchId first
    const spaced = JSON.stringify(object, null, 2);
    const escaped = relayed(-4.2, 'ok').replace('air_temperature', 'air\\u005ftemperature');
    for (const text of [reordered, spaced, escaped]) {
      expect(decodeObservation(text)).toEqual(decodeObservation(relayed(-4.2, 'ok')));
    }
  });

  it('refuses what JSON or the schema refuses, with a reason', () => {
    const good = relayed(1);
    const bad = [
      good.replace('"value":1', '"value":1e400'), // no finite value
      good.replace('"value":1', '"value":0x10'), // not JSON
      good.replace('"value":1', '"value":01'), // not JSON either
      good.replace('"v":1', '"v":2'), // a version it does not know
      good.replace('air_temperature', 'air\ttemperature'), // a raw tab inside a string
      good.replace('"timeMs":1705299000000', '"timeMs":1705299000000.5'),
      good.slice(0, -1), // cut short
    ];
    for (const text of bad) {
      const decoded = decodeObservation(text);
      expect(decoded, text).toHaveProperty('error');
      expect((decoded as { error: string }).error.length).toBeGreaterThan(0);
    }
  });
});
