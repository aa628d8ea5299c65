/**
 * Stored evaluation reports (issue 6), one per evaluation job: the id derives from the job,
 * so a redelivered job overwrites its own report instead of adding a second. And optional
 * plausible limits per datastream, which the range check prefers to its defaults.
 */
export const sql = `
CREATE TABLE reports (
  id text PRIMARY KEY,
  job_id text NOT NULL,
  kind text NOT NULL,
  stations jsonb NOT NULL,
  from_ms double precision NOT NULL,
  to_ms double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  summary jsonb NOT NULL,
  findings jsonb NOT NULL
);
CREATE INDEX reports_created_idx ON reports (created_at DESC, id);
CREATE INDEX reports_stations_idx ON reports USING gin (stations);

ALTER TABLE datastreams ADD COLUMN valid_min double precision;
ALTER TABLE datastreams ADD COLUMN valid_max double precision;
`;
