import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { uploadQuerySchema, type UploadResponse } from '../../core/contracts/uploads';
import { appendAudit } from '../../infra/audit/audit-log';
import { AppError, badRequest, payloadTooLarge, toAppError } from '../http/app-error';
import { chooseSource, SourceChoiceError } from '../import/choose-source';
import { importStream, type ImportTotals } from '../import/import-stream';
import type { IngestDeps } from '../ingest/ingest-use-case';
import { lastBatchId, quarantinedBySource } from './quarantine-repository';
import { dwdStationOf } from './seed-stations';
import { spoolBody, type SpooledBody } from './spool-body';

type UploadQuery = z.infer<typeof uploadQuerySchema>;

export interface UploadInput {
  /** The body as sent (already gunzipped when it was sent gzip-encoded). */
  body: Readable;
  declaredBytes: number;
  contentType: string;
  query: unknown;
  actor: string;
  maxBytes: number;
}

/** Enough of the file to tell its format: the header line, and DWD's first data line. */
const HEAD_CHARS = 4096;
const MAX_IDS = 1000;

/**
 * Types a page of another site may POST without a CORS preflight: refused, so such a page
 * cannot upload through a local desk's server. The portal sends application/octet-stream.
 */
const SIMPLE_REQUEST_TYPES = new Set([
  '',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);

const CONTENT_TYPE_FORMATS: Record<string, 'csv' | 'ndjson'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

/**
 * A file uploaded in the portal: spooled to disk as it streams in, then read through the
 * same import path as `firn import` (the ingest use case batch by batch): stored,
 * deduplicated and quarantined like rows sent to the API. The format comes from `?format`, the content type, or the
 * file's first lines and name, as the CLI detects it.
 */
export async function uploadFile(deps: IngestDeps, input: UploadInput): Promise<UploadResponse> {
  const result = uploadQuerySchema.safeParse(input.query);
  if (!result.success) throw badRequest(`upload query: ${z.prettifyError(result.error)}`);
  const query = result.data;
  if (input.declaredBytes > input.maxBytes) throw tooLarge(input.maxBytes);
  const file = query.name ?? 'upload';
  const mediaType = (input.contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (SIMPLE_REQUEST_TYPES.has(mediaType)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `send the file as application/octet-stream, text/csv or application/x-ndjson, not "${mediaType.slice(0, 60)}"`,
    );
  }
  const spooled = await spoolBody(input.body, input.maxBytes);
  try {
    return await importSpooled(deps, spooled, { ...query, file, mediaType, actor: input.actor });
  } finally {
    await spooled.dispose();
  }
}

async function importSpooled(
  deps: IngestDeps,
  spooled: SpooledBody,
  options: UploadQuery & { file: string; mediaType: string; actor: string },
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
    totals = await importStream(deps, spooled.text(), choice.source, label, (t) => (progress = t));
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

const tooLarge = (maxBytes: number) =>
  payloadTooLarge(`the upload is larger than ${maxBytes} bytes; split the file`);
