import { Router } from 'express';
import { routes, seriesQuerySchema } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { listDatastreamSummaries, listStations } from '../catalog/catalog-repository';
import { checkHealth, type BusState } from '../health/health-use-case';
import { getSeries } from '../series/series-use-case';
import { badRequest } from './app-error';
import type { Metrics } from './metrics';
import { buildOpenApi } from './openapi';

export interface ReadRouteDeps {
  db: Database;
  metrics: Metrics;
  version: string;
  busState: () => Promise<BusState>;
}

/** Catalog, series, health, metrics and the OpenAPI document. */
export function readRouter(deps: ReadRouteDeps): Router {
  const router = Router();
  router.get(routes.stations.path, async (_req, res) => {
    res.json({ stations: await listStations(deps.db) });
  });
  router.get(routes.datastreams.path, async (_req, res) => {
    res.json({ datastreams: await listDatastreamSummaries(deps.db) });
  });
  router.get(routes.series.path, async (req, res) => {
    const query = seriesQuerySchema.safeParse(req.query);
    if (!query.success) {
      throw badRequest(
        query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    res.json(await getSeries(deps.db, { key: String(req.params.key), ...query.data }));
  });
  router.get(routes.health.path, async (_req, res) => {
    res.json(await checkHealth(deps.db, deps.busState, deps.version));
  });
  router.get(routes.metrics.path, async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  const openapi = buildOpenApi(deps.version);
  router.get(routes.openapi.path, (_req, res) => {
    res.json(openapi);
  });
  return router;
}
