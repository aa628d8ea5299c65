import express, { Router } from 'express';
import { z } from 'zod';
import { layoutNameSchema, layoutRoutes, liveLayoutSchema } from '../../core/contracts/layouts';
import type { Database } from '../../infra/db/types';
import {
  deleteLayout,
  listLayouts,
  MAX_LAYOUTS_PER_USER,
  saveLayout,
} from '../layouts/layout-repository';
import { ownPathUser } from './actor';
import { AppError, badRequest, notFound } from './app-error';

/** Layouts are one's own. */
const ownUser = (req: express.Request) => ownPathUser(req, 'use their layouts');

function layoutName(value: unknown): string {
  const parsed = layoutNameSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`layout name: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Live view layouts saved per user (list, save under a name, delete). */
export function layoutsRouter(deps: { db: Database }): Router {
  const router = Router();
  const json = express.json({ limit: '32kb' });
  router.get(layoutRoutes.layouts.path, async (req, res) => {
    res.json({ layouts: await listLayouts(deps.db, ownUser(req)) });
  });
  router.put(layoutRoutes.saveLayout.path, json, async (req, res) => {
    const user = ownUser(req);
    const name = layoutName(req.params.layout);
    const layout = liveLayoutSchema.safeParse(req.body);
    if (!layout.success) throw badRequest(`layout: ${z.prettifyError(layout.error)}`);
    const saved = await saveLayout(deps.db, user, name, layout.data);
    if (!saved) {
      throw new AppError(
        409,
        'conflict',
        `${user} has ${MAX_LAYOUTS_PER_USER} layouts; delete one first`,
      );
    }
    res.json(saved);
  });
  router.delete(layoutRoutes.deleteLayout.path, async (req, res) => {
    const user = ownUser(req);
    const name = layoutName(req.params.layout);
    if (!(await deleteLayout(deps.db, user, name))) throw notFound(`layout "${name}"`);
    res.status(204).end();
  });
  return router;
}
