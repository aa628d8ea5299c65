import type { Readable } from 'node:stream';
import { z } from 'zod';
import { uploadQuerySchema, type UploadResponse } from '../../core/contracts/uploads';
import { AppError, badRequest, payloadTooLarge } from '../http/app-error';
import type { IngestDeps } from '../ingest/ingest-use-case';
import { importSpooled } from './import-spooled';
import { spoolBody } from './spool-body';
import type { UploadProgressBoard } from './upload-progress';

export interface UploadInput {
  /** The body as sent (already gunzipped when it was sent gzip-encoded). */
  body: Readable;
  declaredBytes: number;
  contentType: string;
  query: unknown;
  actor: string;
  maxBytes: number;
  /** Where `?progress=<id>` uploads report how far storing has got. */
  progressBoard?: UploadProgressBoard;
}

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
  let tracker: ReturnType<UploadProgressBoard['begin']> | undefined;
  try {
    // Inside the try: a refused progress id (in use, too many) still removes the spooled file.
    if (query.progress !== undefined) {
      tracker = input.progressBoard?.begin(query.progress, input.actor, spooled.bytes);
    }
    return await importSpooled(
      deps,
      spooled,
      { ...query, file, mediaType, actor: input.actor },
      tracker?.update,
    );
  } finally {
    tracker?.end();
    await spooled.dispose();
  }
}

const tooLarge = (maxBytes: number) =>
  payloadTooLarge(`the upload is larger than ${maxBytes} bytes; split the file`);
