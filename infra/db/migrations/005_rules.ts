/**
 * Users' rules with every version kept, the alerts they raise with each transition, the
 * analyzer's checkpoints, and users' notification preferences.
 */
export const sql = `
CREATE TABLE rules (
  id text PRIMARY KEY,
  owner text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('private', 'station', 'everyone')),
  enabled boolean NOT NULL,
  version integer NOT NULL,
  document jsonb NOT NULL,
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rule_versions (
  rule_id text NOT NULL REFERENCES rules (id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  changed_by text NOT NULL,
  change text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, version)
);

-- One row per alert (rule and trigger start), folded from its events.
CREATE TABLE alerts (
  id text PRIMARY KEY,
  rule_id text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'firing', 'resolved', 'cancelled')),
  start_ms double precision NOT NULL,
  firing_ms double precision,
  resolved_ms double precision,
  flapping boolean NOT NULL DEFAULT false,
  backfill boolean NOT NULL DEFAULT false,
  acknowledged jsonb,
  shelved_until_ms double precision,
  trigger_values jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_rule_idx ON alerts (rule_id, start_ms DESC);
CREATE INDEX alerts_open_idx ON alerts (start_ms DESC) WHERE status IN ('pending', 'firing');

-- Every engine event once: its id derives from the rule and the trigger, so a redelivered
-- or re-evaluated observation finds it here and changes nothing.
CREATE TABLE alert_events (
  id text PRIMARY KEY,
  alert_id text,
  rule_id text NOT NULL,
  type text NOT NULL,
  at_ms double precision NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, at_ms);

-- The analyzer's window state per rule version; rebuilt from observations when missing.
CREATE TABLE rule_checkpoints (
  rule_id text PRIMARY KEY,
  fingerprint text NOT NULL,
  snapshot jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notification_preferences (
  user_name text PRIMARY KEY,
  preferences jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
