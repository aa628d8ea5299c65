/**
 * Measurement time on an instrument: the pure rules of the booking calendar. A slot is the
 * half-open interval [startMs, endMs), so one slot may end exactly when the next begins.
 */

export const MINUTE_MS = 60_000;
/** Shorter slots are not worth an instrument's set-up; an airglow night is about 14 h. */
export const MIN_SLOT_MS = 10 * MINUTE_MS;
export const MAX_SLOT_MS = 24 * 60 * MINUTE_MS;
/** Bookings are planned, not a year's blanket reservation. */
export const MAX_LEAD_MS = 366 * 24 * 60 * MINUTE_MS;
/** A request typed a moment ago for "now" is not refused as being in the past. */
export const PAST_GRACE_MS = MINUTE_MS;

/** Only these states hold time on the calendar; a cancelled slot frees it again. */
export const HOLDING_STATES = ['confirmed'] as const;

export interface Slot {
  id: string;
  instrument: string;
  startMs: number;
  endMs: number;
  user: string;
  state: string;
}

export interface SlotRequest {
  instrument: string;
  startMs: number;
  endMs: number;
}

export function overlaps(
  a: { startMs: number; endMs: number },
  b: { startMs: number; endMs: number },
) {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

export function holdsTime(slot: Pick<Slot, 'state'>): boolean {
  return (HOLDING_STATES as readonly string[]).includes(slot.state);
}

/** The first slot (earliest start) of the same instrument that the request would overlap. */
export function conflictOf(request: SlotRequest, existing: readonly Slot[]): Slot | undefined {
  return existing
    .filter((s) => s.instrument === request.instrument && holdsTime(s) && overlaps(s, request))
    .sort((a, b) => a.startMs - b.startMs)[0];
}

const minutes = (ms: number) => Math.round(ms / MINUTE_MS);

/** Why a slot cannot be booked whatever else is on the calendar, or undefined. */
export function slotProblem(request: SlotRequest, nowMs: number): string | undefined {
  const { startMs, endMs } = request;
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return 'start and end must be times';
  if (endMs <= startMs) return 'the slot must end after it starts';
  const length = endMs - startMs;
  if (length < MIN_SLOT_MS) return `a slot lasts at least ${minutes(MIN_SLOT_MS)} min`;
  if (length > MAX_SLOT_MS) return `a slot lasts at most ${minutes(MAX_SLOT_MS) / 60} h`;
  if (startMs < nowMs - PAST_GRACE_MS) return 'the slot starts in the past';
  if (startMs > nowMs + MAX_LEAD_MS) return 'a slot can be booked at most a year ahead';
  return undefined;
}

/** ISO instant to the minute, UTC: the server's wording; the UI shows station time. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The refusal, naming the slot in the way: who holds it, and when. */
export function conflictReason(conflict: Slot): string {
  return (
    `overlaps booking ${conflict.id} of ${conflict.user} on ${conflict.instrument} ` +
    `from ${utcMinute(conflict.startMs)} to ${utcMinute(conflict.endMs)}`
  );
}

export type BookingDecision = { accepted: true } | { accepted: false; reason: string };

/** Whether a request may be confirmed now, given the instrument's calendar. */
export function decideBooking(
  request: SlotRequest,
  existing: readonly Slot[],
  nowMs: number,
): BookingDecision {
  const problem = slotProblem(request, nowMs);
  if (problem !== undefined) return { accepted: false, reason: problem };
  const conflict = conflictOf(request, existing);
  if (conflict !== undefined) return { accepted: false, reason: conflictReason(conflict) };
  return { accepted: true };
}

/**
 * Who may cancel a slot: its owner when a scientist, anyone who operates the station.
 * Returns why not, or undefined. (Whether it is still confirmed is the caller's 409.)
 */
export function cancelForbidden(
  slot: Pick<Slot, 'user'>,
  actor: { name: string; role: string },
): string | undefined {
  if (actor.role === 'operator' || actor.role === 'admin') return undefined;
  if (actor.role === 'scientist') {
    return slot.user === actor.name ? undefined : 'a scientist may cancel only their own booking';
  }
  return 'only scientists (their own bookings) and operators cancel bookings';
}
