import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../infra/logger';
import { toAppError } from './app-error';

/** The one error handler: clear 4xx answers for what the client can fix, a logged 500 otherwise. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (appError) {
      if (appError.status === 413 || appError.status === 401) res.setHeader('Connection', 'close');
      // An answer before the body was read to its end (refused early, or its reading failed,
      // e.g. not gzip): read the rest and drop it, as Node does for bodies nobody read, so
      // the connection can carry the client's next request instead of resetting it.
      else if (!req.complete) req.unpipe().resume();
      res
        .status(appError.status)
        .json({ error: { code: appError.code, message: appError.message } });
      return;
    }
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res
      .status(500)
      .json({ error: { code: 'internal', message: 'internal error; see the server log' } });
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: 'not_found', message: `no route for ${req.method} ${req.path}` } });
};
