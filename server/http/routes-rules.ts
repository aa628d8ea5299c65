import express, { Router } from 'express';
import { backtestRequestSchema, routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { runBacktest } from '../rules/backtest-use-case';
import { badRequest } from './app-error';

/**
 * Rules. Bodies are JSON only: a page of another site cannot send JSON to the local server
 * without a CORS preflight, which it never answers.
 */
export function rulesRouter(deps: { db: Database }): Router {
  const router = Router();
  router.post(routes.backtest.path, express.json({ limit: '256kb' }), async (req, res) => {
    const body = backtestRequestSchema.safeParse(req.body);
    if (!body.success) {
      throw badRequest(
        'send {"rule": {…}, "from": "<ISO time>", "to": "<ISO time>"} as application/json',
      );
    }
    res.json(await runBacktest(deps.db, body.data));
  });
  return router;
}
