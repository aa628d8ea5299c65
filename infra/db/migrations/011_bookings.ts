/**
 * Bookings of measurement time per instrument. Overlaps are refused by the booking use
 * case under a lock on the instrument's row (PGlite has no btree_gist for an exclusion
 * constraint); the database still refuses a slot that ends before it starts.
 */
export const sql = `
CREATE TABLE bookings (
  id text PRIMARY KEY,
  instrument text NOT NULL REFERENCES operable_instruments (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  user_name text NOT NULL,
  purpose text NOT NULL,
  state text NOT NULL CHECK (state IN ('confirmed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_by text,
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX bookings_calendar_idx ON bookings (instrument, starts_at);
`;
