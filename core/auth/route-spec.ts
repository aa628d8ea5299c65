import type { z } from 'zod';
import type { RouteAccess } from './roles';

/**
 * One entry of the route table. `role` is required, so a route added without saying who
 * may call it does not compile; the server's one authorization point reads it.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  role: RouteAccess;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
}
