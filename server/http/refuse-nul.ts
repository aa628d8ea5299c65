import type { RequestHandler } from 'express';
import { badRequest } from './app-error';

/**
 * Refuses URLs with an encoded NUL (`%00`) in their path or query. No key, id or query
 * value holds one, and PostgreSQL text cannot: passed on to a query, it fails there with
 * a 500 instead of telling the client what is wrong. One check here covers every route.
 */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  next(req.url.includes('%00') ? badRequest('the URL must not contain NUL (%00)') : undefined);
};
