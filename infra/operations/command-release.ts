import type { CommandState } from '../../core/contracts/operations';
import type { Database, Queryable } from '../db/types';
import { findBooking } from './booking-store';
import { findCommand } from './command-reads';
import { recordRunJob, type RunJob } from './command-queue';
import type { StoredCommand } from './command-store';
import { evaluateInterlocks, recordTransition } from './command-transitions';
import { automationEnabled } from './settings-store';

export interface Release {
  commandId: string;
  state: CommandState;
}

/**
 * Releases the scheduled commands whose time has come, in one transaction. The due rows
 * are taken with FOR UPDATE SKIP LOCKED, so two workers on one database split them and
 * never release one twice (the conditional transition is the second guard). Returns what
 * became of each and the run jobs to publish after the commit.
 */
export async function releaseDueCommands(
  db: Database,
  nowMs: number,
  actor: string,
  limit = 50,
): Promise<{ released: Release[]; runs: RunJob[] }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM commands WHERE state = 'scheduled' AND not_before <= $1
       ORDER BY not_before, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [new Date(nowMs), limit],
    );
    const released: Release[] = [];
    const runs: RunJob[] = [];
    for (const { id } of rows) {
      const command = await findCommand(tx, id);
      if (!command || command.state !== 'scheduled') continue;
      const state = await releaseOne(tx, command, nowMs, actor);
      if (state === null) continue;
      released.push({ commandId: id, state });
      if (state === 'approved') runs.push(await recordRunJob(tx, command, command.requestedBy));
    }
    return { released, runs };
  });
}

/**
 * Its time came: a slot gone or over blocks it; approved in advance (or automated for its
 * rule) it meets the interlocks now and goes to the queue; otherwise it waits for approval.
 */
async function releaseOne(
  tx: Queryable,
  command: StoredCommand,
  nowMs: number,
  actor: string,
): Promise<CommandState | null> {
  const at = command.notBefore ?? new Date(nowMs).toISOString();
  const move = (to: CommandState, action: 'released' | 'blocked', reason: string) =>
    recordTransition(tx, command, { from: ['scheduled'], to, action, actor, reason }).then(
      (moved) => (moved ? to : null),
    );
  if (command.bookingId) {
    const booking = await findBooking(tx, command.bookingId);
    if (!booking || booking.state !== 'confirmed')
      return move('blocked', 'blocked', `booking ${command.bookingId} is no longer confirmed`);
    if (booking.endMs <= nowMs) {
      const end = new Date(booking.endMs).toISOString();
      return move('blocked', 'blocked', `the booked slot ${booking.id} ended at ${end}`);
    }
  }
  const approvers = command.approvals.filter((a) => a.decision === 'approve').map((a) => a.by);
  const automated =
    command.risk === 'automatic' &&
    command.ruleId !== null &&
    (await automationEnabled(tx, command.ruleId, command.instrument, command.command));
  if (approvers.length < command.approvalsNeeded && !automated) {
    const given = `${approvers.length} of ${command.approvalsNeeded} approvals given`;
    return move('proposed', 'released', `its time ${at} came; waits for approval (${given})`);
  }
  const interlocks = await evaluateInterlocks(tx, command, nowMs);
  if (!interlocks.ok) return move('blocked', 'blocked', interlocks.reason);
  const by = automated
    ? `automation for rule ${command.ruleId}`
    : `approved by ${approvers.join(', ')}`;
  return move('approved', 'released', `its time ${at} came; ${by} in advance`);
}
