import { pipeline } from 'node:stream/promises';
import express, { Router } from 'express';
import { z } from 'zod';
import { manualJobRequestSchema, routes } from '../../core/contracts/http';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob, jobLogs, listJobs } from '../../infra/jobs/job-store';
import { openJobResult } from '../jobs/job-result-use-case';
import { cancelByHand, submitByHand } from '../jobs/jobs-use-case';
import { actorOf } from './actor';
import { badRequest, notFound } from './app-error';

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export interface JobsRouteDeps {
  db: Database;
  bus?: Bus;
  /** Where simulation workers write result files; only files in it are served. */
  resultsDir?: string;
}

/**
 * Jobs of the on-demand queues: the newest first, one job with its log and its result
 * file; by hand; cancel.
 */
export function jobsRouter(deps: JobsRouteDeps): Router {
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
  router.get(routes.jobResult.path, async (req, res) => {
    const result = await openJobResult(deps.db, deps.resultsDir, String(req.params.id));
    // Streamed: a footprint file is a few MB, read only to be sent on.
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', String(result.size));
    res.setHeader('Cache-Control', 'no-cache');
    await pipeline(result.stream, res).catch((error: unknown) => {
      // A client that went away mid-file is not a server error.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  });
  return router;
}
