import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { commandRequestSchema, type Command } from '../../core/contracts/operations';
import type { Database } from '../../infra/db/types';
import { proposeCommand } from '../../infra/operations/command-proposals';
import { findCommand } from '../../infra/operations/command-reads';
import type { StoredCommand } from '../../infra/operations/command-store';
import { requireRole, type ActingUser } from '../bookings/acting-user';
import { AppError, badRequest, notFound } from '../http/app-error';

// A person asks for a command: checked against the catalogue and stored as proposed, to
// wait for an operator. The helpers here are shared with the decisions (command-decisions.ts).

export const parse = <T>(schema: z.ZodType<T>, body: unknown, what: string): T => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw badRequest(`${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/** The contract's view: the worker's bookkeeping fields stay inside. */
export const publicCommand = ({
  timeoutSeconds: _t,
  sentAtMs: _s,
  ...command
}: StoredCommand): Command => command;

export async function requestCommand(
  db: Database,
  body: unknown,
  user: ActingUser,
): Promise<Command> {
  requireRole(user, 'scientist', 'request a command');
  const request = parse(commandRequestSchema, body, 'send {"instrument","command","params"}');
  const id = request.id ?? `cmd-${randomUUID()}`;
  const result = await proposeCommand(db, id, request, {
    name: user.name,
    role: user.role,
    ruleId: null,
  });
  if (!result.ok)
    throw new AppError(
      result.status,
      result.status === 409 ? 'conflict' : 'bad_request',
      result.error,
    );
  if (!result.created && result.command.requestedBy !== user.name) {
    throw new AppError(409, 'conflict', `command id ${id} is taken by another request`);
  }
  return publicCommand(result.command);
}

export async function commandOrNotFound(db: Database, id: string): Promise<StoredCommand> {
  const command = await findCommand(db, id);
  if (!command) throw notFound(`command "${id}"`);
  return command;
}
