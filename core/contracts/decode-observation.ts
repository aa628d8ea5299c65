import { decodeMessage } from './topics';
import type { Observation } from '../domain/observation';

// A JSON string without escapes or control characters, and a JSON number (no leading zeros,
// no `+`, no hex): exactly what JSON.parse would read as the same string or number.
const STRING = '[^"\\\\\\x00-\\x1f]*';
const INTEGER = '-?(?:0|[1-9]\\d*)';
const NUMBER = `${INTEGER}(?:\\.\\d+)?(?:[eE][+-]?\\d+)?`;

/**
 * An `observations` message exactly as the relay writes it (JSON.stringify, fields in the
 * order of docs/message-format.md). One regular expression reads it in a third of the time
 * of JSON.parse, and makes no object for the fields the analyzer does not use.
 */
const RELAY_FORMAT = new RegExp(
  `^\\{"v":1,"datastream":"(${STRING})","time":"${STRING}","timeMs":(${INTEGER}),` +
    `"value":(${NUMBER}),"quality":(?:null|"(${STRING})"),"batchId":${NUMBER}\\}$`,
);

/**
 * Reads an `observations` message on the analyzer's hot path. The relay's own format goes
 * through one regular expression; any other text (another producer's field order, spaces,
 * escapes) through JSON.parse and a plain check of the fields the analyzer uses, both far
 * cheaper than the full schema; anything that does not pass goes through the schema, whose
 * error message says what is wrong.
 */
export function decodeObservation(text: string): Observation | { error: string } {
  const match = RELAY_FORMAT.exec(text);
  if (match !== null) {
    const timeMs = Number(match[2]);
    const value = Number(match[3]);
    // 1e400 is a valid JSON number but no finite value: the checks below say so.
    if (Number.isSafeInteger(timeMs) && Number.isFinite(value)) {
      return { datastream: match[1]!, timeMs, value, quality: match[4] ?? null };
    }
  }
  return decodeParsed(text);
}

function decodeParsed(text: string): Observation | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  const m = json as Partial<Record<'v' | 'datastream' | 'timeMs' | 'value' | 'quality', unknown>>;
  if (
    m !== null &&
    typeof m === 'object' &&
    m.v === 1 &&
    typeof m.datastream === 'string' &&
    typeof m.timeMs === 'number' &&
    Number.isInteger(m.timeMs) &&
    typeof m.value === 'number' &&
    Number.isFinite(m.value)
  ) {
    const quality = typeof m.quality === 'string' ? m.quality : null;
    return { datastream: m.datastream, timeMs: m.timeMs, value: m.value, quality };
  }
  const decoded = decodeMessage('observations', text);
  if (!decoded.ok) return { error: decoded.error };
  const { datastream, timeMs, value, quality } = decoded.message;
  return { datastream, timeMs, value, quality };
}
