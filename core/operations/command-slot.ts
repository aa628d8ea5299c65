import type { Booking } from '../contracts/bookings';

/**
 * When a requested command may run: now, or inside a confirmed booking slot of its
 * instrument. A person's command goes only into their own slot (the measurement time is
 * theirs); a rule's proposal may name any confirmed slot, since its author chose it.
 */

/** A start a moment in the past (the form was filled in a minute ago) still means now. */
export const START_GRACE_MS = 60_000;

export interface SlotAsk {
  instrument: string;
  /** The requested start, epoch ms; undefined: now, or the booking's start. */
  atMs?: number;
  bookingId?: string;
  requester: { name: string; isRule: boolean };
}

export type SlotChoice =
  | { ok: true; booking: Booking | null; notBeforeMs: number | null; scheduled: boolean }
  | { ok: false; status: 400 | 404 | 409; error: string };

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const span = (b: Booking) => `${iso(b.startMs)}–${iso(b.endMs)}`;

/**
 * Picks the slot: `candidates` are the instrument's bookings that may matter (the one
 * named by `bookingId`, or those around `atMs`); cancelled ones are ignored.
 */
export function chooseSlot(
  ask: SlotAsk,
  candidates: readonly Booking[],
  nowMs: number,
): SlotChoice {
  const { atMs, bookingId, requester } = ask;
  if (atMs === undefined && bookingId === undefined)
    return { ok: true, booking: null, notBeforeMs: null, scheduled: false };
  if (atMs !== undefined && atMs < nowMs - START_GRACE_MS)
    return { ok: false, status: 400, error: `the start ${iso(atMs)} is in the past` };
  const confirmed = candidates.filter(
    (b) => b.instrument === ask.instrument && b.state === 'confirmed',
  );
  let booking: Booking | undefined;
  if (bookingId !== undefined) {
    booking = confirmed.find((b) => b.id === bookingId);
    if (!booking) {
      const known = candidates.some((b) => b.id === bookingId);
      return known
        ? {
            ok: false,
            status: 409,
            error: `booking ${bookingId} is not a confirmed slot of ${ask.instrument}`,
          }
        : { ok: false, status: 404, error: `booking "${bookingId}" not found` };
    }
    if (atMs !== undefined && (atMs < booking.startMs || atMs >= booking.endMs)) {
      return {
        ok: false,
        status: 409,
        error: `${iso(atMs)} is not inside booking ${booking.id} (${span(booking)})`,
      };
    }
  } else {
    booking = confirmed.find((b) => b.startMs <= atMs! && atMs! < b.endMs);
    if (!booking) {
      return {
        ok: false,
        status: 409,
        error: `${ask.instrument} has no confirmed booking slot at ${iso(atMs!)}; book the time in the calendar first`,
      };
    }
  }
  if (booking.endMs <= nowMs)
    return { ok: false, status: 409, error: `booking ${booking.id} has ended (${span(booking)})` };
  if (!requester.isRule && booking.user !== requester.name) {
    return {
      ok: false,
      status: 409,
      error: `the slot ${booking.id} (${span(booking)}) is booked by ${booking.user}; a command can only be scheduled into your own slot`,
    };
  }
  const startMs = Math.max(atMs ?? booking.startMs, booking.startMs);
  return { ok: true, booking, notBeforeMs: startMs, scheduled: startMs > nowMs };
}
