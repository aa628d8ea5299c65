import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request comes from a page of another site. Any page the desk's browser has open
 * may send a form or a fetch without preflight (no body, text/plain) to the local server,
 * and in local mode that would act as the desk's admin: cancel a job, acknowledge an alert.
 * Browsers say where a request comes from (`Sec-Fetch-Site`, `Origin`); station loggers,
 * curl and the CLI send neither, and the control room's own pages are same-origin.
 */
export function isCrossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  // same-site is not enough: another local app on another port is "same-site".
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not ours
  }
}

/** Refuses writes from other sites; reads stay open (CORS keeps their answers from them). */
export const refuseCrossSiteWrites: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !isCrossSite(req)) return next();
  next(
    new AppError(403, 'forbidden_origin', 'a page of another site may not change anything here'),
  );
};
