import type { Booking } from '../../core/contracts/bookings';
import type { CommandRequest, CommandState } from '../../core/contracts/operations';
import { checkParams } from '../../core/operations/command-params';
import { approvalsNeeded } from '../../core/operations/command-states';
import { chooseSlot } from '../../core/operations/command-slot';
import { commandOf } from '../../core/operations/instrument-catalogue';
import type { Database, Queryable } from '../db/types';
import { findBooking, listBookings } from './booking-store';
import { findCommand } from './command-reads';
import { insertCommand, type StoredCommand } from './command-store';
import { evaluateInterlocks, recordTransition } from './command-transitions';
import { findInstrument } from './instrument-store';
import { appendOperationsAudit } from './operations-audit';

/** Who asks: a person with a role, or a rule (whose proposals are audited as the rule). */
export interface Requester {
  name: string;
  role: string | null;
  ruleId: string | null;
}

export type ProposalResult =
  | { ok: true; command: StoredCommand; created: boolean }
  | { ok: false; status: 400 | 404 | 409; error: string };

/**
 * Records a requested or rule-proposed command as `proposed` (or `scheduled`, when it asks
 * for a later time in a booked slot) with its audit entry, after checking instrument,
 * command, parameters and the slot. The id makes it idempotent: the
 * same id again returns the stored command and records nothing.
 */
export async function proposeCommand(
  db: Database,
  id: string,
  request: Omit<CommandRequest, 'id' | 'reason'> & { reason?: string },
  requester: Requester,
): Promise<ProposalResult> {
  const existing = await findCommand(db, id);
  if (existing) return { ok: true, command: existing, created: false };
  const instrument = await findInstrument(db, request.instrument);
  if (!instrument)
    return { ok: false, status: 404, error: `instrument "${request.instrument}" not found` };
  const spec = commandOf(instrument.spec, request.command);
  if (!spec) {
    const known = instrument.spec.commands.map((c) => c.name).join(', ');
    return {
      ok: false,
      status: 400,
      error: `${request.instrument} has no command "${request.command}"; it knows ${known}`,
    };
  }
  const params = checkParams(spec, request.params);
  if (!params.ok) return { ok: false, status: 400, error: params.error };
  const slot = chooseSlot(
    {
      instrument: request.instrument,
      atMs: request.at === undefined ? undefined : Date.parse(request.at),
      bookingId: request.bookingId,
      requester: { name: requester.name, isRule: requester.ruleId !== null },
    },
    await slotCandidates(db, request),
    Date.now(),
  );
  if (!slot.ok) return slot;
  const state = slot.scheduled ? 'scheduled' : 'proposed';
  await db.transaction(async (tx) => {
    const created = await insertCommand(tx, {
      id,
      instrument: request.instrument,
      command: spec.name,
      params: params.params,
      risk: spec.risk,
      state,
      reason: null,
      requestedBy: requester.name,
      ruleId: requester.ruleId,
      bookingId: slot.booking?.id ?? null,
      notBeforeMs: slot.notBeforeMs,
      approvalsNeeded: approvalsNeeded(spec.risk),
      timeoutSeconds: spec.timeoutSeconds,
    });
    if (!created) return; // a concurrent request with the same id won
    await appendOperationsAudit(tx, {
      action: slot.scheduled ? 'scheduled' : requester.ruleId ? 'proposed' : 'requested',
      actor: requester.name,
      role: requester.role,
      commandId: id,
      instrument: request.instrument,
      ruleId: requester.ruleId,
      params: params.params,
      toState: state,
      reason: slot.scheduled
        ? `for ${new Date(slot.notBeforeMs!).toISOString()} in booking ${slot.booking!.id}${request.reason ? `: ${request.reason}` : ''}`
        : request.reason || null,
    });
  });
  return { ok: true, command: (await findCommand(db, id))!, created: true };
}

/** The bookings that may hold the command: the one named, and those around the asked time. */
async function slotCandidates(
  db: Queryable,
  request: Pick<CommandRequest, 'instrument' | 'bookingId' | 'at'>,
): Promise<Booking[]> {
  const named = request.bookingId ? await findBooking(db, request.bookingId) : undefined;
  const atMs = request.at === undefined ? undefined : Date.parse(request.at);
  const around =
    atMs === undefined
      ? []
      : await listBookings(db, {
          instrument: request.instrument,
          fromMs: atMs,
          toMs: atMs + 1,
          includeCancelled: false,
        });
  return named ? [named, ...around] : around;
}

/**
 * The last approval given: checks the interlocks (refusing with the reason) and moves the
 * command on to `approved` or `blocked`, in the caller's transaction. Returns the new state,
 * or null when the command was no longer proposed.
 */
export async function completeApproval(
  tx: Queryable,
  command: StoredCommand,
  approver: { name: string; role: string | null; reason: string },
  nowMs = Date.now(),
): Promise<CommandState | null> {
  const interlocks = await evaluateInterlocks(tx, command, nowMs);
  const step = interlocks.ok
    ? { to: 'approved' as const, action: 'approved' as const, reason: approver.reason || null }
    : { to: 'blocked' as const, action: 'blocked' as const, reason: interlocks.reason };
  const moved = await recordTransition(tx, command, {
    from: ['proposed'],
    to: step.to,
    action: step.action,
    actor: approver.name,
    role: approver.role,
    reason: step.reason,
  });
  return moved ? step.to : null;
}
