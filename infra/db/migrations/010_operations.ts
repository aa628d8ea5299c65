/**
 * Operating on Demand: the operable instruments with their command catalogue, commands and
 * their approvals, the automation switch per rule and command, the stations' staffed flag,
 * and the operations audit trail, which the database itself keeps append-only.
 */
export const sql = `
-- id is <station>.<instrument>, the prefix of the instrument's datastream keys.
CREATE TABLE operable_instruments (
  id text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  spec jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE station_staffing (
  station_id text PRIMARY KEY REFERENCES stations (id),
  staffed boolean NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The id is the idempotency key: a rule's proposal derives it from its job id, so a
-- redelivered proposal finds its command here and never makes a second one.
CREATE TABLE commands (
  id text PRIMARY KEY,
  instrument_id text NOT NULL REFERENCES operable_instruments (id),
  command text NOT NULL,
  params jsonb NOT NULL,
  risk text NOT NULL CHECK (risk IN ('automatic', 'approval', 'two_approvals')),
  state text NOT NULL CHECK (state IN ('proposed', 'approved', 'sent', 'acknowledged', 'done',
    'rejected', 'blocked', 'failed', 'timed_out', 'cancelled')),
  reason text,
  requested_by text NOT NULL,
  rule_id text,
  booking_id text,
  not_before timestamptz,
  approvals_needed integer NOT NULL,
  timeout_seconds double precision NOT NULL,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commands_recent_idx ON commands (created_at DESC);
CREATE INDEX commands_sent_idx ON commands (instrument_id, command, sent_at);

CREATE TABLE command_approvals (
  command_id text NOT NULL REFERENCES commands (id),
  by_user text NOT NULL,
  role text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (command_id, by_user)
);

CREATE TABLE command_automations (
  rule_id text NOT NULL,
  instrument_id text NOT NULL REFERENCES operable_instruments (id),
  command text NOT NULL,
  enabled boolean NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, instrument_id, command)
);

CREATE TABLE operations_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor text NOT NULL,
  role text,
  command_id text,
  instrument_id text,
  rule_id text,
  params jsonb,
  from_state text,
  to_state text,
  reason text
);
CREATE INDEX operations_audit_command_idx ON operations_audit (command_id, id);
CREATE INDEX operations_audit_at_idx ON operations_audit (at);

CREATE FUNCTION operations_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'operations_audit is append-only';
END;
$$;
CREATE TRIGGER operations_audit_append_only BEFORE UPDATE OR DELETE ON operations_audit
  FOR EACH ROW EXECUTE FUNCTION operations_audit_is_append_only();
CREATE TRIGGER operations_audit_no_truncate BEFORE TRUNCATE ON operations_audit
  FOR EACH STATEMENT EXECUTE FUNCTION operations_audit_is_append_only();
`;
