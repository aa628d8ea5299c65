import { Router } from 'express';
import { deliveryRoutes } from '../../core/contracts/notify';
import type { Database } from '../../infra/db/types';
import { deliveriesOfAlert, deliveriesOfOneJob } from '../notify/deliveries-use-case';

/** Who was told of an alert, on which channel, and whether it arrived. */
export function deliveriesRouter(deps: { db: Database }): Router {
  const router = Router();
  router.get(deliveryRoutes.alertDeliveries.path, async (req, res) => {
    res.json({ jobs: await deliveriesOfAlert(deps.db, String(req.params.id)) });
  });
  router.get(deliveryRoutes.jobDeliveries.path, async (req, res) => {
    res.json({ deliveries: await deliveriesOfOneJob(deps.db, String(req.params.id)) });
  });
  return router;
}
