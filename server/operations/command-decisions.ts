import {
  approveRequestSchema,
  cancelRequestSchema,
  rejectRequestSchema,
  type Command,
} from '../../core/contracts/operations';
import { checkApproval, mayCancel } from '../../core/operations/command-states';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { completeApproval } from '../../infra/operations/command-proposals';
import { publishRunJobs, recordRunJob } from '../../infra/operations/command-queue';
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
  const { state, run } = await db.transaction(async (tx) => {
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
    // A scheduled command keeps waiting for its time: the approval counts when it comes,
    // and the interlocks are checked then (daylight, staffing are about that moment).
    if (check.complete && command.state === 'proposed') {
      const state = await completeApproval(tx, command, {
        name: user.name,
        role: user.role,
        reason: comment,
      });
      // The run job is recorded with the approval, so it exists even when publishing fails.
      const run = state === 'approved' ? await recordRunJob(tx, command, user.name) : null;
      return { state, run };
    }
    const given = `approval ${command.approvals.length + 1} of ${command.approvalsNeeded}`;
    const when =
      command.state === 'scheduled'
        ? ` in advance; it runs from ${command.notBefore}, interlocks checked then`
        : '';
    await recordTransition(tx, command, {
      from: [command.state],
      to: command.state,
      action: 'approved',
      actor: user.name,
      role: user.role,
      reason: `${given}${when}${comment ? `: ${comment}` : ''}`,
    });
    return { state: command.state, run: null };
  });
  const command = await commandOrNotFound(db, id);
  if (state === 'blocked')
    throw new AppError(409, 'interlock', `blocked by an interlock: ${command.reason}`);
  if (run) {
    // The bus being away does not undo the approval: the operate worker's sweep
    // publishes the recorded job again.
    await publishRunJobs(bus, [run]).catch(() => undefined);
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
    if (command.state !== 'proposed' && command.state !== 'scheduled') {
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
      from: ['proposed', 'scheduled'] as const,
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
      from: ['proposed', 'scheduled', 'approved'] as const,
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
