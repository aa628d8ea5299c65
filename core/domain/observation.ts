import { z } from 'zod';

/** `<station>.<instrument>.<variable>`, lower case, readable in URLs and topic keys. */
export const DATASTREAM_KEY_PATTERN =
  /^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*$/;
export const datastreamKeySchema = z
  .string()
  .max(200)
  .regex(DATASTREAM_KEY_PATTERN, 'datastream key must look like <station>.<instrument>.<variable>');

export const MAX_QUALITY_LENGTH = 32;

/** One observation as it is written by clients, before any checking. */
export interface RawObservation {
  datastream?: unknown;
  time?: unknown;
  value?: unknown;
  quality?: unknown;
}

/** One observation that passed the row checks. Times are epoch milliseconds, UTC. */
export interface Observation {
  datastream: string;
  timeMs: number;
  value: number;
  quality: string | null;
}

/** A row that was refused, with its 0-based position in the batch and the reason. */
export interface RowError {
  index: number;
  error: string;
}

/** What a parser yields for each row of a batch, in batch order. */
export type ParsedRow =
  | { index: number; ok: true; raw: RawObservation }
  | { index: number; ok: false; error: string; source?: string };
