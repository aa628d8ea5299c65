import { z } from 'zod';
import { roleSchema, userNameSchema } from './roles';

/** `local`: loopback desk, no sign-in needed. `required`: every non-public route needs a session. */
export const authModeSchema = z.enum(['local', 'required']);
export type AuthMode = z.infer<typeof authModeSchema>;

export const signInRequestSchema = z.object({
  name: userNameSchema,
  password: z.string().min(1, 'send the password').max(1024),
});

export const sessionUserSchema = z.object({ name: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Who am I: the user requests act as (null when signed out in required mode), and the mode. */
export const sessionResponseSchema = z.object({
  mode: authModeSchema,
  user: sessionUserSchema.nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Passwords: long enough to resist guessing, short enough that hashing stays cheap. */
export const passwordSchema = z
  .string()
  .min(12, 'a password has at least 12 characters')
  .max(1024, 'a password has at most 1024 characters');

export const userSummarySchema = z.object({
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const userListSchema = z.object({ users: z.array(userSummarySchema) });
export const createUserRequestSchema = z.object({
  name: userNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export const setRoleRequestSchema = z.object({ role: roleSchema });
export const setPasswordRequestSchema = z.object({ password: passwordSchema });
export const setDisabledRequestSchema = z.object({ disabled: z.boolean() });
