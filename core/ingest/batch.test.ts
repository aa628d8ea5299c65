import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../domain/observation';
import { checkBatch } from './batch';

function row(index: number, datastream: string, time: string, value: unknown = 1): ParsedRow {
  return { index, ok: true, raw: { datastream, time, value } };
}

describe('checkBatch', () => {
  it('keeps good rows with their indexes and rejects bad ones in batch order', () => {
    const rows: ParsedRow[] = [
      row(0, 'a.b.c', '2020-01-01T00:00:00Z', 1),
      { index: 1, ok: false, error: 'line 2 is not valid JSON: x' },
      row(2, 'a.b.c', '2020-01-01T00:00:01Z', 'x'),
      row(3, 'a.b.d', '2020-01-01T00:00:00Z', 3),
    ];
    expect(checkBatch(rows)).toEqual({
      observations: [
        { datastream: 'a.b.c', timeMs: Date.UTC(2020, 0, 1), value: 1, quality: null },
        { datastream: 'a.b.d', timeMs: Date.UTC(2020, 0, 1), value: 3, quality: null },
      ],
      observationIndexes: [0, 3],
      rejected: [
        { index: 1, error: 'line 2 is not valid JSON: x' },
        { index: 2, error: 'value "x" is not a finite number' },
      ],
    });
  });

  it('rejects a repeated (datastream, time), also written differently, naming the first', () => {
    const result = checkBatch([
      row(0, 'a.b.c', '2020-01-01T01:00:00+01:00', 1),
      row(1, 'a.b.c', '2020-01-01T00:00:00Z', 2),
      row(2, 'a.b.c', '2020-01-01 00:00:00.000Z', 3),
      row(3, 'x.y.z', '2020-01-01T00:00:00Z', 4),
    ]);
    expect(result.observationIndexes).toEqual([0, 3]);
    expect(result.observations.map((observation) => observation.value)).toEqual([1, 4]);
    expect(result.rejected).toEqual([
      { index: 1, error: 'duplicate of row 0 in this batch' },
      { index: 2, error: 'duplicate of row 0 in this batch' },
    ]);
  });

  it('does not count a refused row as the first occurrence', () => {
    const result = checkBatch([
      row(0, 'a.b.c', '2020-01-01T00:00:00Z', 'bad'),
      row(1, 'a.b.c', '2020-01-01T00:00:00Z', 2),
    ]);
    expect(result.observationIndexes).toEqual([1]);
    expect(result.rejected).toEqual([{ index: 0, error: 'value "bad" is not a finite number' }]);
  });

  it('returns empty lists for an empty batch', () => {
    expect(checkBatch([])).toEqual({ observations: [], observationIndexes: [], rejected: [] });
  });
});
