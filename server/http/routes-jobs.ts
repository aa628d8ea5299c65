import express, { Router } from 'express';
import { z } from 'zod';
import { manualJobRequestSchema, routes } from '../../core/contracts/http';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob, jobLogs, listJobs } from '../../infra/jobs/job-store';
import { cancelByHand, submitByHand } from '../jobs/jobs-use-case';
import { actorOf } from './actor';
import { badRequest, notFound } from './app-error';

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Jobs of the on-demand queues: the newest first, one job with its log; by hand; cancel. */
export function jobsRouter(deps: { db: Database; bus?: Bus }): Router {
  const router = Router();
  router.post(routes.submitJob.path, express.json({ limit: '256kb' }), async (req, res) => {
    const body = manualJobRequestSchema.safeParse(req.body);
    if (!body.success)
      throw badRequest(`send {"queue","type","params"}: ${z.prettifyError(body.error)}`);
    const key = req.get('idempotency-key')?.slice(0, 200);
    res.status(202).json(await submitByHand(deps.db, deps.bus, body.data, actorOf(req), key));
  });
  router.post(routes.cancelJob.path, async (req, res) => {
    res.json(await cancelByHand(deps.db, deps.bus, String(req.params.id), actorOf(req)));
  });
  router.get(routes.jobs.path, async (req, res) => {
    const query = listQuerySchema.safeParse(req.query);
    if (!query.success) throw badRequest('limit must be a whole number from 1 to 1000');
    res.json({ jobs: await listJobs(deps.db, query.data.limit) });
  });
  router.get(routes.job.path, async (req, res) => {
    const id = String(req.params.id);
    const job = await getJob(deps.db, id);
    if (!job) throw notFound(`job "${id}"`);
    const logs = await jobLogs(deps.db, id);
    res.json({ job, logs: logs.map((l) => ({ ...l, at: new Date(l.at).toISOString() })) });
  });
  return router;
}
