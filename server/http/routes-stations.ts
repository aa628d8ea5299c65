import { Router } from 'express';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { getStationsStatus } from '../stations/station-status-use-case';

/** The Stations page's one read: every station's datastreams, how fresh and how complete. */
export function stationsRouter(deps: { db: Database }): Router {
  const router = Router();
  router.get(routes.stationsStatus.path, async (_req, res) => {
    res.json(await getStationsStatus(deps.db));
  });
  return router;
}
