import type { Observation } from '../domain/observation';

/** What a format reader makes of one data line of a station file. */
export interface FormatRecord {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The values present on the line, one observation each. */
  observations: Observation[];
  /** Cells of the line that mark a missing value (`NA`, `-999`, blank). */
  missing: number;
  /** Why the line could not be read (its number is in `line`); it then has no observations. */
  error?: string;
}

/** The record of a line that could not be read. */
export function failedLine(line: number, error: string): FormatRecord {
  return { line, observations: [], missing: 0, error };
}

export interface FormatReader {
  feed(chunk: string): FormatRecord[];
  end(): FormatRecord[];
}

/** A variable of a station file: its datastream variable name and unit. */
export interface VariableSpec {
  variable: string;
  unit: string;
}

/** Totals over a file, e.g. for the answer of `firn import`. */
export interface FormatSummary {
  lines: number;
  observations: number;
  missing: number;
  errors: number;
  /** Earliest and latest observation time, epoch ms UTC; null before the first one. */
  firstTimeMs: number | null;
  lastTimeMs: number | null;
}

export function emptySummary(): FormatSummary {
  return { lines: 0, observations: 0, missing: 0, errors: 0, firstTimeMs: null, lastTimeMs: null };
}

/** Adds records to a running summary (returned for chaining); files are read in chunks. */
export function addToSummary(summary: FormatSummary, records: FormatRecord[]): FormatSummary {
  for (const record of records) {
    summary.lines++;
    summary.missing += record.missing;
    if (record.error !== undefined) summary.errors++;
    for (const observation of record.observations) {
      summary.observations++;
      const time = observation.timeMs;
      if (summary.firstTimeMs === null || time < summary.firstTimeMs) summary.firstTimeMs = time;
      if (summary.lastTimeMs === null || time > summary.lastTimeMs) summary.lastTimeMs = time;
    }
  }
  return summary;
}
