import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../infra/db/types';
import { completeApproval, proposeCommand } from '../../infra/operations/command-proposals';
import { findCommand } from '../../infra/operations/command-reads';
import { releaseDueCommands } from '../../infra/operations/command-release';
import { addApproval } from '../../infra/operations/command-store';
import { recordTransition } from '../../infra/operations/command-transitions';
import { setStaffed } from '../../infra/operations/settings-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { executeCommand } from './command-executor';
import type {
  DeliveryOptions,
  DeliveryOutcome,
  InstrumentDriver,
} from './drivers/instrument-driver';

const AIRGLOW = 'zugspitze.airglow';

/** A driver that records what it was asked and answers as told. */
function recordingDriver(answer: DeliveryOutcome = { status: 'done' }) {
  const deliveries: { id: string; send: boolean; atMs: number }[] = [];
  const driver: InstrumentDriver = {
    async deliver(message, options: DeliveryOptions) {
      deliveries.push({ id: message.id, send: options.send, atMs: Date.now() });
      await options.onAccepted?.();
      return answer;
    },
    async close() {},
  };
  return { deliveries, deps: (db: Database) => ({ db, drivers: { driverFor: () => driver } }) };
}

describe('executeCommand (pglite, recording driver)', () => {
  let station: TestStation;
  let next = 0;
  /** Proposed and given its last approval (interlocks checked at `atMs`). */
  const approve = async (
    command: string,
    params: Record<string, unknown>,
    bookingId?: string,
    atMs = Date.now(),
  ) => {
    const id = `c${(next += 1)}`;
    const request = { instrument: AIRGLOW, command, params, bookingId };
    const proposed = await proposeCommand(station.db, id, request, {
      name: 'sam',
      role: 'scientist',
      ruleId: null,
    });
    if (!proposed.ok) throw new Error(proposed.error);
    if (proposed.command.state === 'scheduled') {
      // Approved in advance, then released at the slot's start (before the real clock gets there).
      await addApproval(station.db, id, {
        by: 'otto',
        role: 'operator',
        decision: 'approve',
        reason: '',
      });
      await releaseDueCommands(station.db, Date.parse(proposed.command.notBefore!), 'test');
      return id;
    }
    const approver = { name: 'otto', role: 'operator', reason: '' };
    await station.db.transaction(async (tx) =>
      completeApproval(tx, (await findCommand(tx, id))!, approver, atMs),
    );
    return id;
  };
  const actions = async (id: string) =>
    (
      await station.db.query<{ action: string }>(
        'SELECT action FROM operations_audit WHERE command_id = $1 ORDER BY id',
        [id],
      )
    ).rows.map((r) => r.action);
  const book = async (id: string, startMs: number, endMs: number, state = 'confirmed') => {
    await station.db.query(
      `INSERT INTO bookings (id, instrument, starts_at, ends_at, user_name, purpose, state)
       VALUES ($1, $2, $3, $4, 'sam', 'night series', $5)`,
      [id, AIRGLOW, new Date(startMs), new Date(endMs), state],
    );
  };

  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
  });
  afterAll(() => station.close());

  it('sends an approved command once and records acknowledged and done', async () => {
    const { deliveries, deps } = recordingDriver();
    const id = await approve('set-exposure', { seconds: 5 });
    expect(await executeCommand(deps(station.db), id)).toBe('done');
    expect(deliveries).toMatchObject([{ id, send: true }]);
    // Delivered again (a redelivered job): a finished command is left alone.
    expect(await executeCommand(deps(station.db), id)).toBe('done');
    expect(deliveries).toHaveLength(1);
    expect(await actions(id)).toEqual(['requested', 'approved', 'sent', 'acknowledged', 'done']);
  });

  it('only awaits the answer of a command found already sent', async () => {
    const { deliveries, deps } = recordingDriver();
    const id = await approve('set-exposure', { seconds: 6 });
    const command = (await findCommand(station.db, id))!;
    await station.db.transaction((tx) =>
      recordTransition(tx, command, {
        from: ['approved'],
        to: 'sent',
        action: 'sent',
        actor: 'crashed-worker',
      }),
    );
    expect(await executeCommand(deps(station.db), id)).toBe('done');
    expect(deliveries).toMatchObject([{ id, send: false }]);
  });

  it('records a refusal by the instrument as failed, with its reason', async () => {
    const { deps } = recordingDriver({ status: 'rejected', reason: 'shutter jammed' });
    const id = await approve('standby', {});
    expect(await executeCommand(deps(station.db), id)).toBe('failed');
    expect((await findCommand(station.db, id))?.reason).toBe(
      'the instrument refused: shutter jammed',
    );
  });

  it('checks interlocks again right before sending', async () => {
    const { deliveries, deps } = recordingDriver();
    await setStaffed(station.db, 'zugspitze', true, 'otto');
    // Approved on a winter night (the lamp also wants darkness) while staffed; sent now.
    const night = Date.parse('2024-01-15T23:00:00Z');
    const id = await approve('calibrate', { lampSeconds: 5 }, undefined, night);
    expect((await findCommand(station.db, id))?.state).toBe('approved');
    await setStaffed(station.db, 'zugspitze', false, 'otto'); // everybody left meanwhile
    expect(await executeCommand(deps(station.db), id)).toBe('blocked');
    expect((await findCommand(station.db, id))?.reason).toContain(
      'only while the station is staffed',
    );
    expect(deliveries).toHaveLength(0);
  });

  it('waits for the booked slot to start, and refuses a slot that is gone', async () => {
    const { deliveries, deps } = recordingDriver();
    const startMs = Date.now() + 1_200;
    await book('slot-soon', startMs, startMs + 3_600_000);
    const id = await approve('set-exposure', { seconds: 8 }, 'slot-soon');
    expect((await findCommand(station.db, id))?.notBefore).toBe(new Date(startMs).toISOString());
    expect(await executeCommand(deps(station.db), id)).toBe('done');
    expect(deliveries[0]!.atMs).toBeGreaterThanOrEqual(startMs);

    await book('slot-cancelled', Date.now() + 60_000, Date.now() + 120_000);
    const late = await approve('set-exposure', { seconds: 9 }, 'slot-cancelled');
    expect((await findCommand(station.db, late))?.state).toBe('approved');
    await station.db.query(`UPDATE bookings SET state = 'cancelled' WHERE id = 'slot-cancelled'`);
    expect(await executeCommand(deps(station.db), late)).toBe('blocked');
    expect((await findCommand(station.db, late))?.reason).toBe(
      'booking slot-cancelled is no longer confirmed',
    );
    expect(deliveries).toHaveLength(1);
  });
});
