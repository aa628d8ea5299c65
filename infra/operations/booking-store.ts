import type { Booking, BookingState } from '../../core/contracts/bookings';
import type { Database, Queryable } from '../db/types';

// The calendar as stored. Times are timestamptz; the contract speaks epoch ms.

interface BookingRow {
  id: string;
  instrument: string;
  starts_at: Date | string;
  ends_at: Date | string;
  user_name: string;
  purpose: string;
  state: BookingState;
  created_at: Date | string;
  cancelled_by: string | null;
  cancelled_at: Date | string | null;
}

const columns =
  'id, instrument, starts_at, ends_at, user_name, purpose, state, created_at, cancelled_by, cancelled_at';
const ms = (value: Date | string) => new Date(value).getTime();
const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  instrument: row.instrument,
  startMs: ms(row.starts_at),
  endMs: ms(row.ends_at),
  user: row.user_name,
  purpose: row.purpose,
  state: row.state,
  createdAtMs: ms(row.created_at),
  cancelledBy: row.cancelled_by,
  cancelledAtMs: row.cancelled_at === null ? null : ms(row.cancelled_at),
});

/** One booking, for the API and for the operate worker (a command scheduled into a slot). */
export async function findBooking(db: Queryable, id: string): Promise<Booking | undefined> {
  const { rows } = await db.query<BookingRow>(`SELECT ${columns} FROM bookings WHERE id = $1`, [
    id,
  ]);
  return rows[0] && toBooking(rows[0]);
}

export interface CalendarQuery {
  instrument?: string;
  fromMs?: number;
  toMs?: number;
  includeCancelled: boolean;
}

/** Slots touching [fromMs, toMs), earliest first. */
export async function listBookings(db: Queryable, query: CalendarQuery): Promise<Booking[]> {
  const { rows } = await db.query<BookingRow>(
    `SELECT ${columns} FROM bookings
     WHERE ($1::text IS NULL OR instrument = $1)
       AND ($2::timestamptz IS NULL OR ends_at > $2)
       AND ($3::timestamptz IS NULL OR starts_at < $3)
       AND ($4 OR state = 'confirmed')
     ORDER BY starts_at, id LIMIT 2000`,
    [
      query.instrument ?? null,
      query.fromMs === undefined ? null : new Date(query.fromMs),
      query.toMs === undefined ? null : new Date(query.toMs),
      query.includeCancelled,
    ],
  );
  return rows.map(toBooking);
}

/**
 * Runs `work` in a transaction holding the instrument's row lock, so two requests for the
 * same instrument check and insert one after the other (one wins, the other sees it).
 * Resolves to `undefined` when there is no such instrument.
 */
export async function withInstrumentLocked<T>(
  db: Database,
  instrument: string,
  work: (tx: Queryable) => Promise<T>,
): Promise<{ result: T } | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      'SELECT id FROM operable_instruments WHERE id = $1 FOR UPDATE',
      [instrument],
    );
    if (rows.length === 0) return undefined;
    return { result: await work(tx) };
  });
}

export interface NewBooking {
  id: string;
  instrument: string;
  startMs: number;
  endMs: number;
  user: string;
  purpose: string;
}

export async function insertBooking(tx: Queryable, booking: NewBooking): Promise<Booking> {
  const { rows } = await tx.query<BookingRow>(
    `INSERT INTO bookings (id, instrument, starts_at, ends_at, user_name, purpose, state)
     VALUES ($1, $2, $3, $4, $5, $6, 'confirmed') RETURNING ${columns}`,
    [
      booking.id,
      booking.instrument,
      new Date(booking.startMs),
      new Date(booking.endMs),
      booking.user,
      booking.purpose,
    ],
  );
  return toBooking(rows[0] as BookingRow);
}

/** Cancels a confirmed booking; `undefined` when it is not (or no longer) confirmed. */
export async function cancelConfirmedBooking(
  db: Queryable,
  id: string,
  by: string,
): Promise<Booking | undefined> {
  const { rows } = await db.query<BookingRow>(
    `UPDATE bookings SET state = 'cancelled', cancelled_by = $2, cancelled_at = now()
     WHERE id = $1 AND state = 'confirmed' RETURNING ${columns}`,
    [id, by],
  );
  return rows[0] && toBooking(rows[0]);
}
