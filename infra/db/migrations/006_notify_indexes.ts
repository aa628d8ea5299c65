/** What storm control asks on every notification: recent ones per user, and held ones. */
export const sql = `
CREATE INDEX jobs_notify_recipient_idx ON jobs ((origin->>'recipient'), created_at)
  WHERE type = 'notify';
CREATE INDEX jobs_held_idx ON jobs ((result->>'heldFor'))
  WHERE type = 'notify' AND result ? 'heldFor' AND NOT result ? 'digestJob';
`;
