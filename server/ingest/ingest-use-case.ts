import type { IngestResponse } from '../../core/contracts/http';
import type { Observation, ParsedRow, RowError } from '../../core/domain/observation';
import { checkBatch } from '../../core/ingest/batch';
import type { Database } from '../../infra/db/types';
import type { DatastreamCache } from './datastream-cache';
import { storeBatch } from './observation-repository';

export interface IngestDeps {
  db: Database;
  datastreams: DatastreamCache;
  /** Told about every batch after it is committed (live push, metrics). */
  onStored?: (event: StoredEvent) => void;
}

export interface StoredEvent {
  observations: Observation[];
  stored: number;
  duplicates: number;
  rejected: number;
}

export interface IngestRequest {
  rows: ParsedRow[];
  /** The station a token is scoped to; undefined for the local operator (CLI import). */
  station: string | undefined;
  tokenId: number | null;
  source: string;
  /**
   * False for a fix from quarantine review: a refused fix leaves its row open, with the
   * reason in the answer, instead of quarantining a second copy. Default true.
   */
  quarantine?: boolean;
}

/**
 * Checks a batch row by row, stores the good rows with their outbox row in one transaction,
 * keeps the bad rows in quarantine, and answers which rows were refused and why.
 */
export async function ingestObservations(
  deps: IngestDeps,
  request: IngestRequest,
): Promise<IngestResponse> {
  const checked = checkBatch(request.rows);
  const resolved = await deps.datastreams.resolve(
    new Set(checked.observations.map((o) => o.datastream)),
  );
  const rejected: RowError[] = [...checked.rejected];
  const observations: Observation[] = [];
  const datastreamIds: number[] = [];
  checked.observations.forEach((observation, i) => {
    const index = checked.observationIndexes[i] as number;
    const datastream = resolved.get(observation.datastream);
    if (!datastream) {
      rejected.push({ index, error: `unknown datastream "${observation.datastream}"` });
    } else if (request.station !== undefined && datastream.station !== request.station) {
      rejected.push({
        index,
        error: `datastream "${observation.datastream}" belongs to station "${datastream.station}", not to this token's station "${request.station}"`,
      });
    } else {
      observations.push(observation);
      datastreamIds.push(datastream.id);
    }
  });
  rejected.sort((a, b) => a.index - b.index);
  const { stored } = await storeBatch(deps.db, {
    tokenId: request.tokenId,
    source: request.source,
    observations,
    datastreamIds,
    quarantine: (request.quarantine === false ? [] : rejected).map((r) => ({
      ...r,
      error: escapeNul(r.error),
      raw: rawText(request.rows[r.index]),
    })),
  });
  const duplicates = observations.length - stored;
  deps.onStored?.({ observations, stored, duplicates, rejected: rejected.length });
  return { accepted: observations.length, duplicates, rejected };
}

/** The row as received, for review. */
function rawText(row: ParsedRow | undefined): string {
  if (!row) return '';
  return escapeNul(row.ok ? safeStringify(row.raw) : (row.source ?? ''));
}

/**
 * NUL cannot be stored in PostgreSQL text, so it is escaped: in the raw row, and in the
 * error too, which may quote the row (JSON.parse's message names the unexpected character).
 */
function escapeNul(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/\u0000/g, '\\u0000');
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
