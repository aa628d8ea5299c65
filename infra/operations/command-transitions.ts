import {
  finalCommandStates,
  type AuditEntry,
  type CommandState,
} from '../../core/contracts/operations';
import { checkInterlocks, type InterlockResult } from '../../core/operations/interlocks';
import type { Queryable } from '../db/types';
import { countSentInHour, transitionCommand, type StoredCommand } from './command-store';
import { findInstrument } from './instrument-store';
import { appendOperationsAudit } from './operations-audit';

export interface Transition {
  from: readonly CommandState[];
  to: CommandState;
  action: AuditEntry['action'];
  actor: string;
  role?: string | null;
  reason?: string | null;
}

/**
 * One step of a command's life and its audit entry, to be called inside a transaction so
 * both commit or neither. False when the command was no longer in a `from` state (someone
 * else moved it first): nothing was written.
 */
export async function recordTransition(
  tx: Queryable,
  command: Pick<StoredCommand, 'id' | 'instrument' | 'ruleId' | 'params'>,
  step: Transition,
): Promise<boolean> {
  // The command keeps the reason of an unhappy end; comments on other steps live in the audit.
  const ending = step.to !== 'done' && finalCommandStates.includes(step.to);
  const previous = await transitionCommand(
    tx,
    command.id,
    step.from,
    step.to,
    ending ? (step.reason ?? null) : null,
  );
  if (previous === null) return false;
  await appendOperationsAudit(tx, {
    action: step.action,
    actor: step.actor,
    role: step.role ?? null,
    commandId: command.id,
    instrument: command.instrument,
    ruleId: command.ruleId,
    params: command.params,
    fromState: previous,
    toState: step.to,
    reason: step.reason ?? null,
  });
  return true;
}

/**
 * Evaluates a command's interlocks against the database and the clock: daylight at the
 * station when it would run, sends in the last hour, the staffed flag.
 */
export async function evaluateInterlocks(
  db: Queryable,
  command: Pick<StoredCommand, 'instrument' | 'command' | 'notBefore'>,
  nowMs: number,
): Promise<InterlockResult> {
  const instrument = await findInstrument(db, command.instrument);
  if (!instrument)
    return {
      ok: false,
      interlock: 'catalogue',
      reason: `instrument ${command.instrument} is not registered`,
    };
  const spec = instrument.spec.commands.find((c) => c.name === command.command);
  if (!spec)
    return {
      ok: false,
      interlock: 'catalogue',
      reason: `${command.command} is not in the catalogue`,
    };
  const atMs = Math.max(nowMs, command.notBefore ? Date.parse(command.notBefore) : nowMs);
  return checkInterlocks(spec.interlocks, {
    atMs,
    station: instrument.station,
    sentInLastHour: await countSentInHour(db, command.instrument, command.command, nowMs),
    staffed: instrument.staffed,
  });
}
