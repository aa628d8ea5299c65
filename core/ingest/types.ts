import type { ParsedRow } from '../domain/observation';

/** Reads streamed text: `feed` each chunk as it arrives, then `end` once; each returns what is complete. */
export interface Incremental<T> {
  feed(chunk: string): T[];
  end(): T[];
}

/**
 * An incremental body parser: feed text chunks as they arrive, then call `end()` once.
 * Each call returns the rows completed so far, indexes 0-based in batch order.
 * Whole-body problems throw `BodyFormatError`; row problems are `{ ok: false }` rows.
 */
export type BodyParser = Incremental<ParsedRow>;

export interface BodyParserOptions {
  /** Longest accepted line (NDJSON) or record (CSV), in characters. Default 64 KiB. */
  maxLineLength?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
