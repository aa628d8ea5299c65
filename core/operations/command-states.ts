import type { Approval, CommandState, RiskClass } from '../contracts/operations';
import { allows, type Role } from '../auth/roles';

/** Every allowed step of a command's life; anything else is refused. */
const transitions: Record<CommandState, readonly CommandState[]> = {
  proposed: ['approved', 'rejected', 'blocked', 'cancelled'],
  scheduled: ['proposed', 'approved', 'rejected', 'blocked', 'cancelled'],
  approved: ['sent', 'blocked', 'cancelled', 'failed'],
  sent: ['acknowledged', 'done', 'failed', 'timed_out'],
  acknowledged: ['done', 'failed', 'timed_out'],
  done: [],
  rejected: [],
  blocked: [],
  failed: [],
  timed_out: [],
  cancelled: [],
};

export function canTransition(from: CommandState, to: CommandState): boolean {
  return transitions[from].includes(to);
}

/** Approvals a command needs before it may run (automatic ones need none once enabled). */
export function approvalsNeeded(risk: RiskClass): number {
  return risk === 'two_approvals' ? 2 : 1;
}

export type ApprovalCheck =
  { ok: true; complete: boolean } | { ok: false; status: 403 | 409; reason: string };

/**
 * Whether `user` may add an approval now: only operators (and admins) approve, only a
 * proposed command, and a second approval must come from a different person.
 */
export function checkApproval(
  command: { state: CommandState; approvalsNeeded: number; approvals: readonly Approval[] },
  user: { name: string; role: Role },
): ApprovalCheck {
  if (!allows(user.role, 'operator')) {
    return {
      ok: false,
      status: 403,
      reason: `only an operator may approve; ${user.name} is a ${user.role}`,
    };
  }
  // A scheduled command may be approved in advance; the approval counts when its time comes.
  if (command.state !== 'proposed' && command.state !== 'scheduled') {
    return {
      ok: false,
      status: 409,
      reason: `the command is ${command.state}, not waiting for approval`,
    };
  }
  const approvers = command.approvals.filter((a) => a.decision === 'approve').map((a) => a.by);
  if (approvers.includes(user.name)) {
    return {
      ok: false,
      status: 409,
      reason: `${user.name} has approved already; another operator must approve`,
    };
  }
  return { ok: true, complete: approvers.length + 1 >= command.approvalsNeeded };
}

/** Who may cancel: an operator any command, anyone else only a command they requested. */
export function mayCancel(requestedBy: string, user: { name: string; role: Role }): boolean {
  return (
    allows(user.role, 'operator') || (allows(user.role, 'scientist') && requestedBy === user.name)
  );
}
