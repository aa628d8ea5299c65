import express, { Router } from 'express';
import { z } from 'zod';
import { scheduleInputSchema } from '../../core/schedules/schedule';
import { scheduleEnabledSchema, scheduleRoutes } from '../../core/schedules/routes';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import {
  createSchedule,
  deleteSchedule,
  listSchedules,
  readSchedule,
  runScheduleNow,
  setScheduleEnabled,
  updateSchedule,
} from '../schedules/schedules-use-case';
import { actorOf } from './actor';
import { badRequest } from './app-error';

const EXAMPLE =
  '{"name":"…","recurrence":{"kind":"daily","at":"06:00","timeZone":"Europe/Vienna"},' +
  '"job":{"type":"daily-report","params":{"station":"sattelberg","day":"{{previousDay}}"}}}';

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  if (body === undefined) throw badRequest(`send ${what} as application/json, e.g. ${EXAMPLE}`);
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Recurring jobs: list, read, create, change, enable or disable, delete, and run now. */
export function schedulesRouter(deps: { db: Database; bus?: Bus }): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  const r = scheduleRoutes;
  const id = (value: unknown) => String(value);
  router.get(r.schedules.path, async (_req, res) => {
    res.json({ schedules: await listSchedules(deps.db) });
  });
  router.post(r.createSchedule.path, json, async (req, res) => {
    const input = parsed(scheduleInputSchema, req.body, 'the schedule');
    res.status(201).json(await createSchedule(deps.db, input, actorOf(req), Date.now()));
  });
  router.get(r.schedule.path, async (req, res) => {
    res.json(await readSchedule(deps.db, id(req.params.id)));
  });
  router.put(r.updateSchedule.path, json, async (req, res) => {
    const input = parsed(scheduleInputSchema, req.body, 'the schedule');
    res.json(await updateSchedule(deps.db, id(req.params.id), input, actorOf(req), Date.now()));
  });
  router.post(r.setScheduleEnabled.path, json, async (req, res) => {
    const { enabled } = parsed(scheduleEnabledSchema, req.body, '{"enabled": true|false}');
    const actor = actorOf(req);
    res.json(await setScheduleEnabled(deps.db, id(req.params.id), enabled, actor, Date.now()));
  });
  router.delete(r.deleteSchedule.path, async (req, res) => {
    await deleteSchedule(deps.db, id(req.params.id), actorOf(req));
    res.status(204).end();
  });
  router.post(r.runSchedule.path, async (req, res) => {
    const actor = actorOf(req);
    res
      .status(202)
      .json(await runScheduleNow(deps.db, deps.bus, id(req.params.id), actor, Date.now()));
  });
  return router;
}
