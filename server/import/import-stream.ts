import type { ParsedRow, RowError } from '../../core/domain/observation';
import type { FormatReader, FormatRecord } from '../../core/formats/record';
import type { BodyParser } from '../../core/ingest/types';
import { ingestObservations, type IngestDeps } from '../ingest/ingest-use-case';

/** Rows per stored batch: big enough for the set-based insert, small enough to show progress. */
export const IMPORT_BATCH_ROWS = 5000;

export interface ImportTotals {
  bytes: number;
  rows: number;
  stored: number;
  duplicates: number;
  missing: number;
  rejected: number;
  /** The first refused rows, with the reason (the rest are counted and in quarantine). */
  firstRejections: { row: number; error: string }[];
}

/** Either a station-file reader (records per line) or an ingest body parser (rows). */
export type ImportSource =
  { kind: 'station-file'; reader: FormatReader } | { kind: 'rows'; parser: BodyParser };

/**
 * Imports a file through the ingest use case, batch by batch, so an import is checked,
 * stored, deduplicated and quarantined exactly like rows sent to the HTTP API.
 */
export async function importStream(
  deps: IngestDeps,
  chunks: AsyncIterable<string>,
  source: ImportSource,
  label: string,
  onProgress: (totals: ImportTotals) => void,
): Promise<ImportTotals> {
  const totals: ImportTotals = {
    bytes: 0,
    rows: 0,
    stored: 0,
    duplicates: 0,
    missing: 0,
    rejected: 0,
    firstRejections: [],
  };
  let pending: ParsedRow[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    const answer = await ingestObservations(deps, {
      rows,
      station: undefined,
      tokenId: null,
      source: label,
    });
    const firstRow = totals.rows;
    totals.rows += rows.length;
    totals.stored += answer.accepted - answer.duplicates;
    totals.duplicates += answer.duplicates;
    totals.rejected += answer.rejected.length;
    noteRejections(totals, answer.rejected, firstRow);
    onProgress(totals);
  };
  const take = async (rows: ParsedRow[]) => {
    for (const row of rows) {
      pending.push({ ...row, index: pending.length });
      if (pending.length >= IMPORT_BATCH_ROWS) await flush();
    }
  };
  for await (const chunk of chunks) {
    totals.bytes += chunk.length;
    await take(
      toRows(
        source,
        source.kind === 'rows' ? source.parser.feed(chunk) : source.reader.feed(chunk),
        totals,
      ),
    );
  }
  await take(
    toRows(source, source.kind === 'rows' ? source.parser.end() : source.reader.end(), totals),
  );
  if (pending.length > 0) await flush();
  return totals;
}

function toRows(
  source: ImportSource,
  output: ParsedRow[] | FormatRecord[],
  totals: ImportTotals,
): ParsedRow[] {
  if (source.kind === 'rows') return output as ParsedRow[];
  const rows: ParsedRow[] = [];
  for (const record of output as FormatRecord[]) {
    totals.missing += record.missing;
    if (record.error !== undefined) {
      rows.push({
        index: 0,
        ok: false,
        error: `line ${record.line}: ${record.error}`,
        source: `line ${record.line}`,
      });
    }
    for (const o of record.observations) {
      const raw = {
        datastream: o.datastream,
        time: new Date(o.timeMs).toISOString(),
        value: o.value,
        quality: o.quality ?? undefined,
      };
      rows.push({ index: 0, ok: true, raw });
    }
  }
  return rows;
}

function noteRejections(totals: ImportTotals, rejected: RowError[], firstRow: number): void {
  for (const r of rejected) {
    if (totals.firstRejections.length >= 20) return;
    totals.firstRejections.push({ row: firstRow + r.index, error: r.error });
  }
}
