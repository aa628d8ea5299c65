import { describe, expect, it } from 'vitest';
import type { Booking } from '../contracts/bookings';
import { chooseSlot, START_GRACE_MS } from './command-slot';

const H = 3_600_000;
const NOW = Date.parse('2026-11-25T12:00:00Z');
const slot = (id: string, user: string, fromH: number, toH: number, state = 'confirmed') =>
  ({
    id,
    instrument: 'zugspitze.airglow',
    startMs: NOW + fromH * H,
    endMs: NOW + toH * H,
    user,
    purpose: 'night series',
    state,
    createdAtMs: NOW - H,
    cancelledBy: null,
    cancelledAtMs: null,
  }) as Booking;
const calendar = [
  slot('b-sam', 'sam', 2, 4),
  slot('b-sue', 'sue', 4, 6),
  slot('b-gone', 'sam', 8, 9, 'cancelled'),
  slot('b-now', 'sam', -1, 1),
];
const sam = { name: 'sam', isRule: false };
const ask = (atH?: number, bookingId?: string, requester = sam) => ({
  instrument: 'zugspitze.airglow',
  atMs: atH === undefined ? undefined : NOW + atH * H,
  bookingId,
  requester,
});

describe('chooseSlot', () => {
  it('runs now when neither a time nor a booking is asked for', () => {
    expect(chooseSlot(ask(), calendar, NOW)).toEqual({
      ok: true,
      booking: null,
      notBeforeMs: null,
      scheduled: false,
    });
  });

  it('schedules a future time inside the requester’s own slot', () => {
    const choice = chooseSlot(ask(3), calendar, NOW);
    expect(choice).toMatchObject({ ok: true, notBeforeMs: NOW + 3 * H, scheduled: true });
    expect(choice.ok && choice.booking?.id).toBe('b-sam');
    // A slot is half-open: its end belongs to the next one.
    expect(chooseSlot(ask(4), calendar, NOW)).toMatchObject({ ok: false, status: 409 });
  });

  it('refuses a time in no slot, in a cancelled slot, or in someone else’s slot, with the reason', () => {
    const none = chooseSlot(ask(7), calendar, NOW);
    expect(none).toMatchObject({ ok: false, status: 409 });
    expect(!none.ok && none.error).toContain(
      'has no confirmed booking slot at 2026-11-25T19:00:00Z',
    );
    expect(chooseSlot(ask(8.5), calendar, NOW)).toMatchObject({ ok: false, status: 409 });
    const other = chooseSlot(ask(5), calendar, NOW);
    expect(!other.ok && other.error).toContain('is booked by sue');
    // A rule chose its slot itself.
    expect(
      chooseSlot(ask(5, undefined, { name: 'rule:r1', isRule: true }), calendar, NOW),
    ).toMatchObject({ ok: true, scheduled: true });
  });

  it('takes a start a moment ago as now, and refuses one long past', () => {
    const justNow = chooseSlot({ ...ask(), atMs: NOW - START_GRACE_MS / 2 }, calendar, NOW);
    expect(justNow).toMatchObject({ ok: true, scheduled: false });
    expect(justNow.ok && justNow.booking?.id).toBe('b-now');
    expect(chooseSlot(ask(-0.5), calendar, NOW)).toMatchObject({ ok: false, status: 400 });
  });

  it('checks a named booking: found, confirmed, the time inside it', () => {
    expect(chooseSlot(ask(undefined, 'b-sam'), calendar, NOW)).toMatchObject({
      ok: true,
      notBeforeMs: NOW + 2 * H,
      scheduled: true,
    });
    expect(chooseSlot(ask(undefined, 'nope'), calendar, NOW)).toMatchObject({ status: 404 });
    expect(chooseSlot(ask(undefined, 'b-gone'), calendar, NOW)).toMatchObject({ status: 409 });
    const outside = chooseSlot(ask(5, 'b-sam'), calendar, NOW);
    expect(!outside.ok && outside.error).toContain('is not inside booking b-sam');
  });
});
