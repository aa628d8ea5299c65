import express, { Router } from 'express';
import { backtestRequestSchema, routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { runBacktest } from '../rules/backtest-use-case';
import {
  createRule,
  deleteRule,
  listVisibleRules,
  readRule,
  updateRule,
  versionsOf,
} from '../rules/rules-use-case';
import { actorOf } from './actor';
import { badRequest } from './app-error';

/**
 * Rules and their backtest. Bodies are JSON only: a page of another site cannot send JSON
 * to the local server without a CORS preflight, which it never answers.
 */
export function rulesRouter(deps: { db: Database }): Router {
  const router = Router();
  const json = express.json({ limit: '256kb' });
  router.post(routes.backtest.path, json, async (req, res) => {
    const body = backtestRequestSchema.safeParse(req.body);
    if (!body.success) {
      throw badRequest(
        'send {"rule": {…}, "from": "<ISO time>", "to": "<ISO time>"} as application/json',
      );
    }
    res.json(await runBacktest(deps.db, body.data));
  });
  router.get(routes.rules.path, async (req, res) => {
    res.json({ rules: await listVisibleRules(deps.db, actorOf(req)) });
  });
  router.post(routes.createRule.path, json, async (req, res) => {
    res.status(201).json(await createRule(deps.db, jsonBody(req.body), actorOf(req)));
  });
  router.get(routes.rule.path, async (req, res) => {
    res.json(await readRule(deps.db, String(req.params.id), actorOf(req)));
  });
  router.put(routes.updateRule.path, json, async (req, res) => {
    res.json(await updateRule(deps.db, String(req.params.id), jsonBody(req.body), actorOf(req)));
  });
  router.delete(routes.deleteRule.path, async (req, res) => {
    await deleteRule(deps.db, String(req.params.id), actorOf(req));
    res.status(204).end();
  });
  router.get(routes.ruleVersions.path, async (req, res) => {
    res.json({ versions: await versionsOf(deps.db, String(req.params.id), actorOf(req)) });
  });
  return router;
}

/** express.json leaves the body undefined for other content types: say what is expected. */
function jsonBody(body: unknown): unknown {
  if (body === undefined) throw badRequest('send the rule as application/json');
  return body;
}
