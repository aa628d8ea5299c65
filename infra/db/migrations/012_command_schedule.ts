/**
 * Commands scheduled into a booked slot: the `scheduled` state, and an index for the
 * operate worker's look for due ones (only scheduled rows, so it stays small).
 */
export const sql = `
ALTER TABLE commands DROP CONSTRAINT commands_state_check;
ALTER TABLE commands ADD CONSTRAINT commands_state_check CHECK (state IN ('proposed',
  'scheduled', 'approved', 'sent', 'acknowledged', 'done', 'rejected', 'blocked', 'failed',
  'timed_out', 'cancelled'));
CREATE INDEX commands_due_idx ON commands (not_before) WHERE state = 'scheduled';
`;
