import { Router } from 'express';
import { z } from 'zod';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { getJob, jobLogs, listJobs } from '../../infra/jobs/job-store';
import { badRequest, notFound } from './app-error';

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Jobs of the on-demand queues: the newest first, and one job with its log. */
export function jobsRouter(deps: { db: Database }): Router {
  const router = Router();
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
