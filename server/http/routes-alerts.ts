import express, { Router } from 'express';
import { z } from 'zod';
import {
  acknowledgeRequestSchema,
  alertsQuerySchema,
  routes,
  shelveRequestSchema,
} from '../../core/contracts/http';
import { notificationPreferencesSchema } from '../../core/contracts/preferences';
import type { Database } from '../../infra/db/types';
import { getPreferences, setPreferences } from '../../infra/rules/preferences-store';
import { acknowledgeAlert, findAlerts, readAlert, shelveAlert } from '../rules/alerts-use-case';
import { actorOf, ownPathUser, pathUser } from './actor';
import { badRequest } from './app-error';

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Alerts (list, detail, acknowledge, shelve) and users' notification preferences. */
export function alertsRouter(deps: { db: Database }): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  router.get(routes.alerts.path, async (req, res) => {
    const query = parsed(alertsQuerySchema, req.query, 'query');
    res.json({ alerts: await findAlerts(deps.db, query) });
  });
  router.get(routes.alert.path, async (req, res) => {
    res.json(await readAlert(deps.db, String(req.params.id)));
  });
  router.post(routes.acknowledgeAlert.path, json, async (req, res) => {
    const { comment } = parsed(acknowledgeRequestSchema, req.body, 'body');
    const id = String(req.params.id);
    res.json(await acknowledgeAlert(deps.db, id, comment, actorOf(req), Date.now()));
  });
  router.post(routes.shelveAlert.path, json, async (req, res) => {
    const request = parsed(shelveRequestSchema, req.body, 'body');
    const id = String(req.params.id);
    res.json(await shelveAlert(deps.db, id, request, actorOf(req), Date.now()));
  });
  router.get(routes.preferences.path, async (req, res) => {
    res.json(await getPreferences(deps.db, pathUser(req)));
  });
  router.put(routes.setPreferences.path, json, async (req, res) => {
    const name = ownPathUser(req, 'change their preferences');
    const preferences = parsed(notificationPreferencesSchema, req.body, 'preferences');
    await setPreferences(deps.db, name, preferences);
    res.json(preferences);
  });
  return router;
}
