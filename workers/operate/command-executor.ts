import type { CommandState } from '../../core/contracts/operations';
import type { Database } from '../../infra/db/types';
import { findBooking } from '../../infra/operations/booking-store';
import { findCommand } from '../../infra/operations/command-reads';
import type { StoredCommand } from '../../infra/operations/command-store';
import {
  evaluateInterlocks,
  recordTransition,
  type Transition,
} from '../../infra/operations/command-transitions';
import { findInstrument } from '../../infra/operations/instrument-store';
import type { DriverConfig } from '../../core/contracts/operations';
import { pause, type DeliveryOutcome, type InstrumentDriver } from './drivers/instrument-driver';

export const WORKER_ACTOR = 'operate-worker';

export interface ExecutorDeps {
  db: Database;
  /** The link to each instrument (a DriverPool; tests give a recording one). */
  drivers: { driverFor(config: DriverConfig): InstrumentDriver };
}

/**
 * Runs an approved command at most once: booking and interlocks checked right before
 * sending, `sent` committed BEFORE the message leaves (a conditional update, so of two
 * deliveries of the job only one sends), then the instrument's answer or the timeout is
 * recorded. A command found already `sent` (the job redelivered after a crash) is never
 * sent again: its answer is awaited until the original deadline.
 */
export async function executeCommand(
  deps: ExecutorDeps,
  id: string,
  signal?: AbortSignal,
): Promise<CommandState> {
  let command = await findCommand(deps.db, id);
  if (!command) throw new Error(`command ${id} not found`);
  let send = false;
  if (command.state === 'approved') {
    const refusal = await waitForSlotOrRefuse(deps.db, command, signal);
    if (refusal === 'aborted') return (await findCommand(deps.db, id))!.state;
    const interlocks = refusal ? undefined : await evaluateInterlocks(deps.db, command, Date.now());
    const blocked = refusal ?? (interlocks && !interlocks.ok ? interlocks.reason : null);
    const step: Transition = blocked
      ? {
          from: ['approved'],
          to: 'blocked',
          action: 'blocked',
          actor: WORKER_ACTOR,
          reason: blocked,
        }
      : { from: ['approved'], to: 'sent', action: 'sent', actor: WORKER_ACTOR };
    send = await move(deps.db, command, step);
    command = (await findCommand(deps.db, id))!;
    if (blocked || !send) return command.state;
  }
  if (command.state !== 'sent' && command.state !== 'acknowledged') return command.state;
  const instrument = await findInstrument(deps.db, command.instrument);
  if (!instrument) throw new Error(`instrument ${command.instrument} is no longer registered`);
  const deadlineMs = (command.sentAtMs ?? Date.now()) + command.timeoutSeconds * 1000;
  const current = command;
  const outcome = await deps.drivers.driverFor(instrument.spec.driver).deliver(
    { id: command.id, command: command.command, params: command.params },
    {
      send,
      deadlineMs,
      signal,
      onAccepted: async () => {
        await move(deps.db, current, {
          from: ['sent'],
          to: 'acknowledged',
          action: 'acknowledged',
          actor: WORKER_ACTOR,
        });
      },
    },
  );
  await move(deps.db, command, outcomeStep(outcome, command.timeoutSeconds));
  return (await findCommand(deps.db, id))!.state;
}

function outcomeStep(outcome: DeliveryOutcome, timeoutSeconds: number): Transition {
  const from = ['sent', 'acknowledged'] as const;
  if (outcome.status === 'done') return { from, to: 'done', action: 'done', actor: WORKER_ACTOR };
  if (outcome.status === 'rejected') {
    return {
      from,
      to: 'failed',
      action: 'failed',
      actor: WORKER_ACTOR,
      reason: `the instrument refused: ${outcome.reason}`,
    };
  }
  const reason = `no final answer from the instrument within ${timeoutSeconds} s`;
  return { from, to: 'timed_out', action: 'timed_out', actor: WORKER_ACTOR, reason };
}

/** One state change with its audit entry, committed together. */
function move(db: Database, command: StoredCommand, step: Transition): Promise<boolean> {
  return db.transaction((tx) => recordTransition(tx, command, step));
}

/**
 * A command booked into a slot runs inside it: it waits for the slot's start and is
 * refused (with the reason) when the slot is gone or over. Null: go ahead.
 */
async function waitForSlotOrRefuse(
  db: Database,
  command: StoredCommand,
  signal?: AbortSignal,
): Promise<string | null | 'aborted'> {
  if (!command.bookingId) return null;
  const booking = await findBooking(db, command.bookingId);
  if (!booking || booking.state !== 'confirmed')
    return `booking ${command.bookingId} is no longer confirmed`;
  if (Date.now() < booking.startMs) {
    await pause(booking.startMs - Date.now(), signal);
    if (signal?.aborted) return 'aborted';
    return waitForSlotOrRefuse(db, command, signal); // cancelled meanwhile?
  }
  if (Date.now() >= booking.endMs) {
    return `the booked slot ${booking.id} ended at ${new Date(booking.endMs).toISOString()}`;
  }
  return null;
}
