import type { RouteSpec } from './route-spec';
import {
  createUserRequestSchema,
  sessionResponseSchema,
  sessionUserSchema,
  setDisabledRequestSchema,
  setPasswordRequestSchema,
  setRoleRequestSchema,
  signInRequestSchema,
  userListSchema,
  userSummarySchema,
} from './session';

/**
 * Signing in and out, and the users an admin keeps. Part of the route table (spread into
 * `routes` in core/contracts/http.ts). The session routes are public: who-am-I must answer
 * a signed-out renderer, and signing in cannot need a session.
 */
export const authRoutes = {
  session: {
    method: 'GET',
    path: '/api/v1/session',
    role: 'public',
    response: sessionResponseSchema,
  },
  signIn: {
    method: 'POST',
    path: '/api/v1/session',
    role: 'public',
    body: signInRequestSchema,
    response: sessionUserSchema,
  },
  signOut: { method: 'DELETE', path: '/api/v1/session', role: 'public' },
  users: { method: 'GET', path: '/api/v1/users', role: 'admin', response: userListSchema },
  createUser: {
    method: 'POST',
    path: '/api/v1/users',
    role: 'admin',
    body: createUserRequestSchema,
    response: userSummarySchema,
  },
  setUserRole: {
    method: 'PUT',
    path: '/api/v1/users/:name/role',
    role: 'admin',
    body: setRoleRequestSchema,
    response: userSummarySchema,
  },
  setUserPassword: {
    method: 'PUT',
    path: '/api/v1/users/:name/password',
    role: 'admin',
    body: setPasswordRequestSchema,
  },
  setUserDisabled: {
    method: 'PUT',
    path: '/api/v1/users/:name/disabled',
    role: 'admin',
    body: setDisabledRequestSchema,
    response: userSummarySchema,
  },
} as const satisfies Record<string, RouteSpec>;
