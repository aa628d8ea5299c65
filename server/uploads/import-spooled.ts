import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  uploadQuerySchema,
  type UploadProgress,
  type UploadResponse,
} from '../../core/contracts/uploads';
import { appendAudit } from '../../infra/audit/audit-log';
import { AppError, badRequest, toAppError } from '../http/app-error';
import { chooseSource, SourceChoiceError } from '../import/choose-source';
import { importStream, type ImportTotals } from '../import/import-stream';
import type { IngestDeps } from '../ingest/ingest-use-case';
import { lastBatchId, quarantinedBySource } from './quarantine-repository';
import { dwdStationOf } from './seed-stations';
import type { SpooledBody } from './spool-body';

type UploadQuery = z.infer<typeof uploadQuerySchema>;

/** Enough of the file to tell its format: the header line, and DWD's first data line. */
const HEAD_CHARS = 4096;
const MAX_IDS = 1000;

const CONTENT_TYPE_FORMATS: Record<string, 'csv' | 'ndjson'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

/**
 * Reads a spooled upload through the import path: its format from the options or its first
 * lines, then batch by batch into the ingest use case, reporting progress after each batch;
 * answers with the totals and the first rejected rows, and records the upload in the audit log.
 */
export async function importSpooled(
  deps: IngestDeps,
  spooled: SpooledBody,
  options: UploadQuery & { file: string; mediaType: string; actor: string },
  report: ((progress: Omit<UploadProgress, 'bytes' | 'done'>) => void) | undefined,
): Promise<UploadResponse> {
  const { file, mediaType } = options;
  const head = await spooled.head(HEAD_CHARS);
  if (head === '') throw badRequest('the upload is empty');
  let choice;
  try {
    choice = chooseSource(
      file,
      head,
      { ...options, format: options.format ?? CONTENT_TYPE_FORMATS[mediaType] },
      { dwdStation: dwdStationOf, option: (name) => `?${name}=` },
    );
  } catch (error) {
    if (error instanceof SourceChoiceError) {
      throw new AppError(415, 'unsupported_media_type', error.message);
    }
    throw error;
  }
  const uploadId = randomUUID();
  const label = `upload:${uploadId}:${options.actor}:${file}`.slice(0, 400);
  const since = await lastBatchId(deps.db);
  let progress: ImportTotals | null = null;
  let totals: ImportTotals;
  try {
    totals = await importStream(deps, spooled.text(), choice.source, label, (t) => {
      progress = t;
      const { rows, stored, duplicates, rejected } = t;
      report?.({ read: t.bytes, rows, stored, duplicates, rejected });
    });
  } catch (error) {
    throw withStoredSoFar(error, progress);
  }
  const quarantinedIds =
    totals.rejected === 0 ? [] : await quarantinedBySource(deps.db, label, since, MAX_IDS);
  const answer: UploadResponse = {
    file,
    format: choice.format,
    target: choice.target,
    bytes: spooled.bytes,
    rows: totals.rows,
    accepted: totals.stored + totals.duplicates,
    stored: totals.stored,
    duplicates: totals.duplicates,
    missing: totals.missing,
    rejected: totals.rejected,
    firstRejections: totals.firstRejections,
    quarantinedIds,
  };
  const { firstRejections: _first, quarantinedIds: _ids, ...counts } = answer;
  await appendAudit(deps.db, {
    actor: options.actor,
    action: 'upload',
    subject: `upload:${uploadId}`,
    detail: counts,
  });
  return answer;
}

/** A 4xx after some batches were committed says so: those rows stay stored. */
function withStoredSoFar(error: unknown, progress: ImportTotals | null): unknown {
  const appError = toAppError(error);
  if (!appError || progress === null) return error;
  const done = progress as ImportTotals;
  return new AppError(
    appError.status,
    appError.code,
    `${appError.message} (the ${done.rows} rows read before it were checked and ${done.stored} stored; uploading the file again stores nothing twice)`,
  );
}
