import type { Observation, ParsedRow, RowError } from '../domain/observation';
import { isRowError, validateRow } from './validate-row';

export interface CheckedBatch {
  observations: Observation[];
  /** Batch index of each entry of `observations`, same order. */
  observationIndexes: number[];
  /** Refused rows in batch order. */
  rejected: RowError[];
}

/**
 * Validates the parsed rows of one batch and refuses a repeated (datastream, time) within
 * it: the first occurrence wins, later ones name it. Seen times live in one map per
 * datastream (batches carry few datastreams), so a row costs no key string.
 */
export function checkBatch(rows: ParsedRow[]): CheckedBatch {
  const observations: Observation[] = [];
  const observationIndexes: number[] = [];
  const rejected: RowError[] = [];
  const firstIndexByTime = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (!row.ok) {
      rejected.push({ index: row.index, error: row.error });
      continue;
    }
    const result = validateRow(row.raw, row.index);
    if (isRowError(result)) {
      rejected.push(result);
      continue;
    }
    let seen = firstIndexByTime.get(result.datastream);
    if (seen === undefined) {
      seen = new Map();
      firstIndexByTime.set(result.datastream, seen);
    }
    const first = seen.get(result.timeMs);
    if (first !== undefined) {
      rejected.push({ index: row.index, error: `duplicate of row ${first} in this batch` });
      continue;
    }
    seen.set(result.timeMs, row.index);
    observations.push(result);
    observationIndexes.push(row.index);
  }
  return { observations, observationIndexes, rejected };
}
