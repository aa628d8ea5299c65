/**
 * Recurring jobs (a daily report at 06:00 station time): when each fires, what it queues,
 * and its bookkeeping, changed in the same transaction as the job it queues.
 */
export const sql = `
CREATE TABLE schedules (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  recurrence jsonb NOT NULL,
  job jsonb NOT NULL,
  last_run_at timestamptz,
  next_run_at timestamptz,
  last_job_id text,
  -- The last job is recorded but maybe not yet on its queue (the scheduler died between).
  publish_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schedules_due_idx ON schedules (next_run_at) WHERE enabled;
-- An alert's detail lists the notify jobs it caused, with their deliveries.
CREATE INDEX jobs_notify_alert_idx ON jobs ((origin->>'alertId')) WHERE type = 'notify';
`;
