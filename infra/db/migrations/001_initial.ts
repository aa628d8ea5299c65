/** Stations, datastreams, observations with their outbox, quarantine, users, tokens, audit. */
export const sql = `
CREATE TABLE stations (
  id text PRIMARY KEY,
  name text NOT NULL,
  latitude double precision,
  longitude double precision,
  altitude double precision,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE instruments (
  station_id text NOT NULL REFERENCES stations (id),
  id text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (station_id, id)
);

CREATE TABLE datastreams (
  id serial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  station_id text NOT NULL,
  instrument_id text NOT NULL,
  variable text NOT NULL,
  unit text NOT NULL,
  cadence_seconds double precision CHECK (cadence_seconds > 0),
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (station_id, instrument_id) REFERENCES instruments (station_id, id)
);

CREATE TABLE ingest_tokens (
  id serial PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  label text,
  salt text NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE ingest_batches (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  token_id integer,
  source text NOT NULL,
  accepted integer NOT NULL,
  stored integer NOT NULL,
  rejected integer NOT NULL
);

-- No foreign keys here on purpose: a per-row RI check would halve the bulk insert rate,
-- and ingest only writes ids it has just resolved from datastreams.
CREATE TABLE observations (
  datastream_id integer NOT NULL,
  time timestamptz NOT NULL,
  value double precision NOT NULL,
  quality text,
  batch_id bigint NOT NULL,
  PRIMARY KEY (datastream_id, time)
);
-- The relay reads a batch's rows back by batch id; ids only grow, so this index is cheap.
CREATE INDEX observations_batch_idx ON observations (batch_id);

-- One outbox row per ingest batch, committed with its observations.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  batch_id bigint NOT NULL,
  row_count integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE quarantine (
  id bigserial PRIMARY KEY,
  batch_id bigint,
  row_index integer NOT NULL,
  error text NOT NULL,
  raw text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution text
);
CREATE INDEX quarantine_open_idx ON quarantine (received_at) WHERE resolved_at IS NULL;

CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('viewer', 'scientist', 'operator', 'admin')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  detail jsonb
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
`;
