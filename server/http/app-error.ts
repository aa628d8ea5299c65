import { BodyFormatError, UnsupportedMediaTypeError } from '../../core/ingest/errors';

/** The one error type a route or use case throws for an answer other than 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const badRequest = (message: string) => new AppError(400, 'bad_request', message);
export const unauthorized = (message: string) => new AppError(401, 'unauthorized', message);
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);

/** Maps errors from core and libraries to AppError; anything unknown stays a 500. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof BodyFormatError) return badRequest(error.message);
  if (error instanceof UnsupportedMediaTypeError) {
    return new AppError(415, 'unsupported_media_type', error.message);
  }
  const status = (error as { status?: unknown; type?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser style errors (entity.too.large, entity.parse.failed, …)
    return new AppError(
      status,
      String((error as { type?: unknown }).type ?? 'bad_request'),
      (error as Error).message,
    );
  }
  return undefined;
}
