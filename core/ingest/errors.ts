/**
 * A problem with the body as a whole (not one row): bad JSON, a CSV header that
 * cannot be mapped, a wrong envelope. The server answers it with 400 and no row is stored.
 */
export class BodyFormatError extends Error {
  override readonly name = 'BodyFormatError';
}

/** The Content-Type names no body format we read; the server answers 415. */
export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
}
