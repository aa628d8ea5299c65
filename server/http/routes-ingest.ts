import { Router } from 'express';
import { routes } from '../../core/contracts/http';
import type { DatastreamCache } from '../ingest/datastream-cache';
import { ingestObservations, type StoredEvent } from '../ingest/ingest-use-case';
import type { RateLimiter } from '../ingest/rate-limiter';
import { readObservationRows, type BodyLimits } from '../ingest/read-body';
import type { TokenVerifier } from '../tokens/token-service';
import type { Database } from '../../infra/db/types';
import { AppError, unauthorized } from './app-error';

export interface IngestRouteDeps {
  db: Database;
  datastreams: DatastreamCache;
  tokens: TokenVerifier;
  limits: BodyLimits;
  onStored: (event: StoredEvent) => void;
  rateLimiter: RateLimiter;
}

/** POST /api/v1/observations: the public ingest contract. */
export function ingestRouter(deps: IngestRouteDeps): Router {
  const router = Router();
  router.post(routes.ingest.path, async (req, res) => {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized('send an ingest token: Authorization: Bearer <token>');
    const scope = await deps.tokens.verify(token);
    if (!scope) throw unauthorized('the ingest token is unknown or revoked');
    const waitSeconds = deps.rateLimiter.take(scope.tokenId);
    if (waitSeconds > 0) {
      res.setHeader('Retry-After', String(waitSeconds));
      throw new AppError(
        429,
        'too_many_requests',
        'too many requests for this ingest token; send larger batches or wait',
      );
    }
    const rows = await readObservationRows(req, deps.limits);
    const answer = await ingestObservations(deps, {
      rows,
      station: scope.station,
      tokenId: scope.tokenId,
      source: `http:token:${scope.tokenId}`,
    });
    res.json(answer);
  });
  return router;
}
