import express, { Router } from 'express';
import { z } from 'zod';
import { userNameSchema } from '../../core/auth/roles';
import {
  createUserRequestSchema,
  setDisabledRequestSchema,
  setPasswordRequestSchema,
  setRoleRequestSchema,
} from '../../core/auth/session';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import { listUsers } from '../auth/user-repository';
import { changeUser, createUser } from '../auth/users-use-case';
import { badRequest } from './app-error';

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Users and their roles; admin only (the route table says so, authorize.ts enforces it). */
export function usersRouter(deps: { db: Database }): Router {
  const router = Router();
  const json = express.json({ limit: '8kb' });
  const nameOf = (value: unknown) => parsed(userNameSchema, String(value), 'user name');
  router.get(routes.users.path, async (_req, res) => {
    res.json({ users: await listUsers(deps.db) });
  });
  router.post(routes.createUser.path, json, async (req, res) => {
    const request = parsed(createUserRequestSchema, req.body, 'send {"name","role","password"}');
    res.status(201).json(await createUser(deps.db, request));
  });
  router.put(routes.setUserRole.path, json, async (req, res) => {
    const { role } = parsed(setRoleRequestSchema, req.body, 'send {"role"}');
    res.json(await changeUser(deps.db, nameOf(req.params.name), { role }));
  });
  router.put(routes.setUserPassword.path, json, async (req, res) => {
    const { password } = parsed(setPasswordRequestSchema, req.body, 'send {"password"}');
    await changeUser(deps.db, nameOf(req.params.name), { password });
    res.status(204).end();
  });
  router.put(routes.setUserDisabled.path, json, async (req, res) => {
    const { disabled } = parsed(setDisabledRequestSchema, req.body, 'send {"disabled"}');
    res.json(await changeUser(deps.db, nameOf(req.params.name), { disabled }));
  });
  return router;
}
