import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { cancelForbidden, decideBooking, slotProblem } from '../../core/bookings/slots';
import {
  bookingRequestSchema,
  bookingsQuerySchema,
  type Booking,
} from '../../core/contracts/bookings';
import { appendAudit } from '../../infra/audit/audit-log';
import type { Database } from '../../infra/db/types';
import {
  cancelConfirmedBooking,
  findBooking,
  insertBooking,
  listBookings,
  withInstrumentLocked,
} from '../../infra/operations/booking-store';
import { AppError, badRequest, notFound } from '../http/app-error';
import { requireRole, type ActingUser } from './acting-user';

// The booking calendar as users see it: list, request (confirmed at once when free), cancel.
// Every request and cancellation is in the audit log with who and what.

const conflict = (message: string) => new AppError(409, 'conflict', message);
const forbidden = (message: string) => new AppError(403, 'forbidden', message);

function parsed<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export async function listCalendar(db: Database, query: unknown): Promise<Booking[]> {
  const q = parsed(bookingsQuerySchema, query, 'bookings query');
  const fromMs = q.from === undefined ? undefined : Date.parse(q.from);
  const toMs = q.to === undefined ? undefined : Date.parse(q.to);
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) {
    throw badRequest('bookings query: `to` must be after `from`');
  }
  return listBookings(db, {
    instrument: q.instrument,
    fromMs,
    toMs,
    includeCancelled: q.all === 'true',
  });
}

export async function readBooking(db: Database, id: string): Promise<Booking> {
  const booking = await findBooking(db, id);
  if (!booking) throw notFound(`booking "${id}"`);
  return booking;
}

type Outcome = { refused: string } | { booking: Booking };

export async function requestBooking(
  db: Database,
  body: unknown,
  actor: ActingUser,
  nowMs = Date.now(),
): Promise<Booking> {
  requireRole(actor, 'scientist', 'request measurement time');
  const request = parsed(bookingRequestSchema, body, 'booking');
  const slot = {
    instrument: request.instrument,
    startMs: Date.parse(request.start),
    endMs: Date.parse(request.end),
  };
  const problem = slotProblem(slot, nowMs);
  if (problem !== undefined) throw badRequest(`booking: ${problem}`);
  const locked = await withInstrumentLocked(db, slot.instrument, async (tx): Promise<Outcome> => {
    const calendar = await listBookings(tx, {
      instrument: slot.instrument,
      fromMs: slot.startMs,
      toMs: slot.endMs,
      includeCancelled: false,
    });
    const decision = decideBooking(slot, calendar, nowMs);
    if (!decision.accepted) return { refused: decision.reason };
    const booking = await insertBooking(tx, {
      ...slot,
      id: `bk-${randomUUID().replaceAll('-', '').slice(0, 12)}`,
      user: actor.name,
      purpose: request.purpose,
    });
    await appendAudit(tx, {
      actor: actor.name,
      action: 'booking.request',
      subject: booking.id,
      detail: {
        instrument: booking.instrument,
        start: request.start,
        end: request.end,
        purpose: booking.purpose,
      },
    });
    return { booking };
  });
  if (locked === undefined) throw notFound(`instrument "${slot.instrument}"`);
  if ('refused' in locked.result) throw conflict(locked.result.refused);
  return locked.result.booking;
}

export async function cancelBooking(db: Database, id: string, actor: ActingUser): Promise<Booking> {
  const booking = await readBooking(db, id);
  const why = cancelForbidden(booking, actor);
  if (why !== undefined) throw forbidden(why);
  const cancelled = await db.transaction(async (tx) => {
    const done = await cancelConfirmedBooking(tx, id, actor.name);
    if (done) await appendAudit(tx, { actor: actor.name, action: 'booking.cancel', subject: id });
    return done;
  });
  if (!cancelled) throw conflict(`booking "${id}" is already ${booking.state}`);
  return cancelled;
}
