import { routePath, routes } from '../../../../core/contracts/http';
import {
  uploadResponseSchema,
  type QuarantineList,
  type UploadProgress,
  type QuarantineRow,
  type UploadResponse,
} from '../../../../core/contracts/uploads';
import { ApiError, getJson, requestHeaders, sendJson } from '../../api/client';
import { errorResponseSchema } from '../../../../core/contracts/http';

/** The pieces of XMLHttpRequest an upload uses, so tests can stand in for the network. */
export interface UploadTransport {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: ((event: ProgressEvent) => void) | null;
  onerror: ((event: ProgressEvent) => void) | null;
  onabort: ((event: ProgressEvent) => void) | null;
}

export type TransportFactory = () => UploadTransport;
const browserTransport: TransportFactory = () => new XMLHttpRequest();

/**
 * Sends a file's bytes as the body of POST /api/v1/uploads. XMLHttpRequest, not fetch:
 * only XHR reports how much of the body has gone. The server spools the file, then stores
 * it and answers with the totals. Octet-stream, so the server detects the format from the
 * file's first lines and name as `firn import` does (and no page of another site can send
 * one without a CORS preflight).
 */
export function uploadFile(
  file: File,
  onProgress: (sentBytes: number) => void,
  createTransport: TransportFactory = browserTransport,
): { done: Promise<UploadResponse>; abort(): void; progressId: string } {
  const xhr = createTransport();
  // The server reports how far storing has got under this id (fetchUploadProgress).
  const progressId = crypto.randomUUID();
  const done = new Promise<UploadResponse>((resolve, reject) => {
    const query = new URLSearchParams({ name: file.name, progress: progressId });
    xhr.open('POST', `${routePath('upload')}?${query}`);
    const headers = requestHeaders({ 'content-type': 'application/octet-stream' });
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = () => reject(new ApiError('server unreachable: the upload did not finish', 0));
    xhr.onabort = () => reject(new ApiError('upload cancelled', 0));
    xhr.onload = () => {
      try {
        resolve(readAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error as Error);
      }
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort(), progressId };
}

/** How far the server has got storing an upload; 404 until the whole body has arrived. */
export function fetchUploadProgress(progressId: string): Promise<UploadProgress> {
  const path = routePath('uploadProgress', { id: progressId });
  return getJson(path, routes.uploadProgress.response);
}

export function readAnswer(status: number, text: string): UploadResponse {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: a proxy's page, say; the status says enough
  }
  if (status < 200 || status >= 300) {
    const error = errorResponseSchema.safeParse(json);
    if (error.success) throw new ApiError(error.data.error.message, status, error.data.error.code);
    throw new ApiError(`HTTP ${status} for the upload`, status);
  }
  const parsed = uploadResponseSchema.safeParse(json);
  if (!parsed.success)
    throw new ApiError(`unexpected upload answer: ${parsed.error.message}`, status);
  return parsed.data;
}

export function fetchQuarantine(filter: {
  error: string;
  before: number | null;
  limit: number;
}): Promise<QuarantineList> {
  const query = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.error.trim() !== '') query.set('error', filter.error.trim());
  if (filter.before !== null) query.set('before', String(filter.before));
  return getJson(`${routePath('quarantine')}?${query}`, routes.quarantine.response);
}

export function fixQuarantined(id: number, raw: string) {
  const path = routePath('fixQuarantined', { id: String(id) });
  return sendJson('POST', path, { raw }, routes.fixQuarantined.response);
}

export function discardQuarantined(id: number): Promise<QuarantineRow> {
  const path = routePath('discardQuarantined', { id: String(id) });
  return sendJson('POST', path, {}, routes.discardQuarantined.response);
}
