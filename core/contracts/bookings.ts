import { z } from 'zod';
import { instrumentIdSchema } from './operations';

/**
 * Bookings of measurement time: the wire contract. A request is confirmed at once when
 * its slot is free and refused (409, naming the slot in the way) when it is not: the
 * calendar is first come, first served, and what reaches the instrument is guarded by
 * command approval anyway, so an operator confirming every slot would add a wait, not
 * safety. Refused requests are not stored; the answer carries the reason.
 */
export const bookingStateSchema = z.enum(['confirmed', 'cancelled']);
export type BookingState = z.infer<typeof bookingStateSchema>;

const instantSchema = z.iso.datetime({ offset: true, error: 'an ISO 8601 time with offset' });

export const bookingSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  /** Epoch ms, UTC; the slot is [startMs, endMs). */
  startMs: z.number(),
  endMs: z.number(),
  user: z.string(),
  purpose: z.string(),
  state: bookingStateSchema,
  createdAtMs: z.number(),
  cancelledBy: z.string().nullable(),
  cancelledAtMs: z.number().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingListSchema = z.object({ bookings: z.array(bookingSchema) });

export const bookingsQuerySchema = z.object({
  instrument: instrumentIdSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  /** `true` also lists cancelled slots (the calendar's history). */
  all: z.enum(['true', 'false']).optional(),
});

export const bookingRequestSchema = z.object({
  instrument: instrumentIdSchema,
  start: instantSchema,
  end: instantSchema,
  purpose: z.string().trim().min(1, 'say what the slot is for').max(500),
});
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

/** Routes of the calendar, spread into the route table in ./http. */
export const bookingRoutes = {
  bookings: {
    method: 'GET',
    path: '/api/v1/bookings',
    role: 'viewer',
    query: bookingsQuerySchema,
    response: bookingListSchema,
  },
  booking: { method: 'GET', path: '/api/v1/bookings/:id', role: 'viewer', response: bookingSchema },
  requestBooking: {
    method: 'POST',
    path: '/api/v1/bookings',
    role: 'scientist',
    body: bookingRequestSchema,
    response: bookingSchema,
  },
  cancelBooking: {
    method: 'POST',
    path: '/api/v1/bookings/:id/cancel',
    role: 'scientist',
    response: bookingSchema,
  },
} as const;
