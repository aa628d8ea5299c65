/**
 * The embedded durable log standing in for Kafka on a laptop: topics' partitions with the
 * next offset to hand out, the messages, and the consumer groups' committed offsets.
 */
export const sql = `
-- One row per topic partition. Producers lock it (UPDATE ... RETURNING) to take offsets, so
-- offsets of a partition are gapless and commit in offset order: a consumer reading past its
-- committed offset can never skip a message that commits later with a lower offset.
CREATE TABLE bus_partitions (
  topic text NOT NULL,
  partition integer NOT NULL,
  next_offset bigint NOT NULL DEFAULT 0,
  -- The oldest offset still kept; trimming moves it forward.
  log_start bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (topic, partition)
);

CREATE TABLE bus_log (
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  key text NOT NULL,
  value text NOT NULL,
  headers jsonb,
  ts timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, "offset")
);

-- committed is the next offset the group reads, as in Kafka.
CREATE TABLE bus_offsets (
  group_id text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  committed bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic, partition)
);
`;
