import { z } from 'zod';

/** The roles, weakest first: each role may do everything the ones before it may. */
export const ROLES = ['viewer', 'scientist', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/**
 * Who may call a route: a least role, or a scheme of its own: `public` (health, the
 * OpenAPI document, metrics, signing in and out) and `station-token` (ingest, which checks
 * its bearer token itself).
 */
export type RouteAccess = Role | 'public' | 'station-token';

/** True when `role` is at least `required`. */
export function allows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a user may be called: also what `X-Firn-User` may carry. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,200}$/;
export const userNameSchema = z
  .string()
  .regex(USER_NAME_PATTERN, 'a user name is 1–200 letters, digits and . _ @ -');
