import {
  datastreamKeySchema,
  MAX_QUALITY_LENGTH,
  type Observation,
  type RowError,
} from '../domain/observation';
import { parseIsoTime } from './iso-time';
import { quoteForMessage } from './quote';
import { parseDecimal } from './numbers';

export { parseIsoTime } from './iso-time';

export const ROW_NOT_AN_OBJECT = 'row is not an object';

/** True for values that can carry observation fields: objects that are not arrays. */
export function isRowObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRowError(result: Observation | RowError): result is RowError {
  return 'error' in result;
}

// A batch repeats a few keys thousands of times: remembering the valid ones keeps the
// zod check off the hot path. Only valid keys (at most 200 characters) are kept, and
// the memory is bounded so that a stream of distinct keys cannot grow it without end.
const knownValidKeys = new Set<string>();
const MAX_KNOWN_KEYS = 4096;

function isValidDatastreamKey(key: string): boolean {
  if (knownValidKeys.has(key)) return true;
  if (!datastreamKeySchema.safeParse(key).success) return false;
  if (knownValidKeys.size >= MAX_KNOWN_KEYS) knownValidKeys.clear();
  knownValidKeys.add(key);
  return true;
}

/** "a number", "an array", "null": never calls String() on objects (may throw or recurse). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

function checkDatastream(value: unknown): string | null {
  if (value === undefined || value === null) return 'datastream is missing';
  if (typeof value !== 'string') return `datastream must be a string, not ${kindOf(value)}`;
  if (isValidDatastreamKey(value)) return null;
  return `datastream ${quoteForMessage(value)} is not a valid key (<station>.<instrument>.<variable>)`;
}

function checkTime(value: unknown): number | string {
  if (value === undefined || value === null) return 'time is missing';
  if (typeof value !== 'string') return `time must be an ISO 8601 string, not ${kindOf(value)}`;
  return parseIsoTime(value);
}

function checkValue(value: unknown): number | string {
  if (value === undefined || value === null) return 'value is missing';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : `value "${value}" is not a finite number`;
  }
  if (typeof value !== 'string') return `value must be a number, not ${kindOf(value)}`;
  // Numeric strings are only read from CSV (its parser converts them); in JSON they are
  // refused so that a client's serialisation bug shows up instead of being guessed around.
  if (parseDecimal(value.trim()) !== null) {
    return `value ${quoteForMessage(value)} is a string, not a number (write it without quotes)`;
  }
  return `value ${quoteForMessage(value)} is not a finite number`;
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Error message for a quality that is not a short string; absent and "" mean no quality. */
function qualityProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const fits =
    typeof value === 'string' &&
    (value.length <= MAX_QUALITY_LENGTH ||
      (value.length <= 2 * MAX_QUALITY_LENGTH && codePointCount(value) <= MAX_QUALITY_LENGTH));
  if (!fits) return `quality must be a string of at most ${MAX_QUALITY_LENGTH} characters`;
  // Control characters (NUL above all, which PostgreSQL text cannot hold) are no quality flag.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f]/.test(value) ? 'quality must not contain control characters' : null;
}

/**
 * Checks one row as written by a client. Returns the observation, or the row's index with
 * every problem found, joined by "; ". Never throws, whatever `raw` is. Extra fields are ignored.
 */
export function validateRow(raw: unknown, index: number): Observation | RowError {
  if (!isRowObject(raw)) return { index, error: ROW_NOT_AN_OBJECT };
  const datastreamError = checkDatastream(raw.datastream);
  const time = checkTime(raw.time);
  const value = checkValue(raw.value);
  const qualityError = qualityProblem(raw.quality);
  if (
    datastreamError === null &&
    typeof time === 'number' &&
    typeof value === 'number' &&
    qualityError === null
  ) {
    const quality =
      raw.quality === undefined || raw.quality === '' ? null : (raw.quality as string | null);
    return { datastream: raw.datastream as string, timeMs: time, value, quality };
  }
  const problems = [datastreamError, time, value, qualityError].filter(
    (problem): problem is string => typeof problem === 'string',
  );
  return { index, error: problems.join('; ') };
}
