import fc from 'fast-check';
import type { Incremental } from './types';

// Used by tests only: feeding streamed text in chunks, the way a request body arrives.

/** Cuts `text` at the given positions (any order, repeats and out-of-range ones allowed). */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const position of positions) {
    chunks.push(text.slice(start, position));
    start = position;
  }
  chunks.push(text.slice(start));
  return chunks;
}

export function feedAll<T>(parser: Incremental<T>, chunks: readonly string[]): T[] {
  const out: T[] = [];
  for (const chunk of chunks) out.push(...parser.feed(chunk));
  out.push(...parser.end());
  return out;
}

/** Cut positions for fast-check: empty (one chunk) up to many small chunks. */
export const cutsArbitrary = fc.array(fc.nat({ max: 100_000 }), { maxLength: 30 });

/** What reading produced, or the error it threw (name and message), to compare runs. */
export function outcome<T>(read: () => T[]): { rows: T[] } | { thrown: string } {
  try {
    return { rows: read() };
  } catch (error) {
    return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
