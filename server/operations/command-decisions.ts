import { deterministicId } from '../../core/contracts/jobs';
import {
  approveRequestSchema,
  cancelRequestSchema,
  rejectRequestSchema,
  type Command,
} from '../../core/contracts/operations';
import { checkApproval, mayCancel } from '../../core/operations/command-states';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { submitJob } from '../../infra/jobs/submit-job';
import { completeApproval } from '../../infra/operations/command-proposals';
import { findCommand } from '../../infra/operations/command-reads';
import { addApproval } from '../../infra/operations/command-store';
import { recordTransition } from '../../infra/operations/command-transitions';
import { requireRole, type ActingUser } from '../bookings/acting-user';
import { AppError, notFound } from '../http/app-error';
import { commandOrNotFound, parse, publicCommand } from './command-requests';

// An operator's decision on a command, and cancelling one. Route roles are enforced
// centrally; the finer rules (a different second operator, only your own command) are
// checked here with the acting user, so they hold whoever calls.

/**
 * An operator's approval. The last one needed checks the interlocks and moves the command
 * to approved (then queues it for the operate worker) or to blocked with the reason (409).
 */
export async function approveCommand(
  db: Database,
  bus: Bus | undefined,
  id: string,
  body: unknown,
  user: ActingUser,
): Promise<Command> {
  requireRole(user, 'operator', 'approve a command');
  const { comment } = parse(approveRequestSchema, body, 'send {"comment"}');
  if (!bus) throw new AppError(503, 'no_bus', 'this server has no bus to run commands on');
  const state = await db.transaction(async (tx) => {
    const command = await findCommand(tx, id, true);
    if (!command) throw notFound(`command "${id}"`);
    const check = checkApproval(command, user);
    if (!check.ok)
      throw new AppError(
        check.status,
        check.status === 403 ? 'forbidden' : 'conflict',
        check.reason,
      );
    await addApproval(tx, id, {
      by: user.name,
      role: user.role,
      decision: 'approve',
      reason: comment,
    });
    if (check.complete)
      return completeApproval(tx, command, { name: user.name, role: user.role, reason: comment });
    await recordTransition(tx, command, {
      from: ['proposed'],
      to: 'proposed',
      action: 'approved',
      actor: user.name,
      role: user.role,
      reason: `approval ${command.approvals.length + 1} of ${command.approvalsNeeded}${comment ? `: ${comment}` : ''}`,
    });
    return 'proposed' as const;
  });
  const command = await commandOrNotFound(db, id);
  if (state === 'blocked')
    throw new AppError(409, 'interlock', `blocked by an interlock: ${command.reason}`);
  if (state === 'approved') {
    await submitJob(db, bus, deterministicId('run', id), {
      queue: 'jobs.ood',
      type: 'run-command',
      params: { commandId: id },
      origin: { user: user.name, ...(command.ruleId ? { ruleId: command.ruleId } : {}) },
    });
  }
  return publicCommand(command);
}

export async function rejectCommand(
  db: Database,
  id: string,
  body: unknown,
  user: ActingUser,
): Promise<Command> {
  requireRole(user, 'operator', 'reject a command');
  const { reason } = parse(rejectRequestSchema, body, 'send {"reason"}');
  await db.transaction(async (tx) => {
    const command = await findCommand(tx, id, true);
    if (!command) throw notFound(`command "${id}"`);
    if (command.state !== 'proposed') {
      throw new AppError(
        409,
        'conflict',
        `the command is ${command.state}, not waiting for approval`,
      );
    }
    if (command.approvals.some((a) => a.by === user.name)) {
      throw new AppError(409, 'conflict', `${user.name} has decided on this command already`);
    }
    await addApproval(tx, id, { by: user.name, role: user.role, decision: 'reject', reason });
    const step = {
      from: ['proposed'] as const,
      to: 'rejected' as const,
      action: 'rejected' as const,
    };
    await recordTransition(tx, command, { ...step, actor: user.name, role: user.role, reason });
  });
  return publicCommand(await commandOrNotFound(db, id));
}

/** Cancels a command not sent yet: an operator any, a scientist only their own. */
export async function cancelCommand(
  db: Database,
  id: string,
  body: unknown,
  user: ActingUser,
): Promise<Command> {
  const { reason } = parse(cancelRequestSchema, body, 'send {"reason"}');
  await db.transaction(async (tx) => {
    const command = await findCommand(tx, id, true);
    if (!command) throw notFound(`command "${id}"`);
    if (!mayCancel(command.requestedBy, user)) {
      throw new AppError(
        403,
        'forbidden',
        `only an operator or ${command.requestedBy} may cancel this command`,
      );
    }
    const step = {
      from: ['proposed', 'approved'] as const,
      to: 'cancelled' as const,
      action: 'cancelled' as const,
    };
    const moved = await recordTransition(tx, command, {
      ...step,
      actor: user.name,
      role: user.role,
      reason,
    });
    if (!moved)
      throw new AppError(
        409,
        'conflict',
        `the command is ${command.state}; only one not yet sent can be cancelled`,
      );
  });
  return publicCommand(await commandOrNotFound(db, id));
}
