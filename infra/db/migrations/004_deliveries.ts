/** One record per job and channel, written before the job's offset is committed. */
export const sql = `
CREATE TABLE deliveries (
  job_id text NOT NULL REFERENCES jobs (id),
  channel text NOT NULL,
  state text NOT NULL CHECK (state IN ('sent', 'failed')),
  attempts integer NOT NULL DEFAULT 1,
  detail text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, channel)
);
`;
