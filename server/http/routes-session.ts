import express, { Router } from 'express';
import { z } from 'zod';
import type { AuthMode, SessionResponse } from '../../core/auth/session';
import { signInRequestSchema } from '../../core/auth/session';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies';
import { identify } from '../auth/identity';
import { revokeSession } from '../auth/sessions';
import { signIn } from '../auth/sign-in';
import type { SignInThrottle } from '../auth/sign-in-throttle';
import { badRequest } from './app-error';
import { credentialsOf } from './authorize';

export interface SessionRouteDeps {
  db: Database;
  authMode: AuthMode;
  sessionTtlMs: number;
  signInThrottle: SignInThrottle;
  /** Sign-ins and failures are logged with the name and address, never a secret. */
  logger: Logger;
}

/** Sign in (a cookie), who am I, sign out. */
export function sessionRouter(deps: SessionRouteDeps): Router {
  const router = Router();
  router.post(routes.signIn.path, express.json({ limit: '8kb' }), async (req, res) => {
    const body = signInRequestSchema.safeParse(req.body);
    if (!body.success) {
      throw badRequest(`send {"name","password"} as JSON: ${z.prettifyError(body.error)}`);
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    const signInDeps = { ...deps, throttle: deps.signInThrottle };
    const { cookie, user } = await signIn(signInDeps, { ...body.data, address }).catch(
      (error: unknown) => {
        deps.logger.warn({ user: body.data.name, address }, 'sign-in refused');
        throw error;
      },
    );
    deps.logger.info({ user: user.name, role: user.role, address }, 'signed in');
    setSessionCookie(req, res, cookie, deps.sessionTtlMs);
    res.json(user);
  });
  router.get(routes.session.path, async (req, res) => {
    const identity = await identify(deps.db, deps.authMode, credentialsOf(req));
    const user = identity ? { name: identity.name, role: identity.role } : null;
    res.json({ mode: deps.authMode, user } satisfies SessionResponse);
  });
  router.delete(routes.signOut.path, async (req, res) => {
    const identity = await identify(deps.db, 'required', credentialsOf(req));
    if (identity?.sessionId) await revokeSession(deps.db, identity.sessionId);
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  return router;
}
