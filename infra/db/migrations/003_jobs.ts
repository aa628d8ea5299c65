/** Jobs on the CoD, SoD and OoD queues, their state and their log. */
export const sql = `
CREATE TABLE jobs (
  id text PRIMARY KEY,
  queue text NOT NULL CHECK (queue IN ('jobs.cod', 'jobs.sod', 'jobs.ood')),
  type text NOT NULL,
  params jsonb NOT NULL,
  origin jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress real,
  message text,
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_recent_idx ON jobs (created_at DESC);

CREATE TABLE job_logs (
  id bigserial PRIMARY KEY,
  job_id text NOT NULL REFERENCES jobs (id),
  at timestamptz NOT NULL DEFAULT now(),
  level text NOT NULL,
  message text NOT NULL
);
CREATE INDEX job_logs_job_idx ON job_logs (job_id, id);
`;
