import type { Database } from '../db/types';
import { partitionForKey } from './partition-for-key';
import { integerArray, textArray } from './pg-array';
import type { BusMessage } from './types';

export interface StoredMessage {
  offset: bigint;
  key: string;
  value: string;
  headers: Record<string, string>;
  timestampMs: number;
}

export interface PartitionPosition {
  topic: string;
  partition: number;
  nextOffset: bigint;
  committed: bigint;
}

/** The SQL of the embedded log (tables of migration 002), on PGlite and PostgreSQL alike. */
export class EmbeddedStore {
  constructor(private readonly db: Database) {}

  async createPartitions(topic: string, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO bus_partitions (topic, partition) SELECT $1, generate_series(0, $2::int - 1)
       ON CONFLICT DO NOTHING`,
      [topic, count],
    );
  }

  /**
   * Appends all messages in one transaction. The partition rows are locked (in partition
   * order, so two producers never wait on each other in a cycle) until COMMIT: offsets are
   * gapless and become visible in offset order.
   */
  async append(topic: string, partitionCount: number, messages: BusMessage[]): Promise<void> {
    const partitions = messages.map((message) => partitionForKey(message.key, partitionCount));
    const used = [...new Set(partitions)].sort((a, b) => a - b);
    await this.db.transaction(async (tx) => {
      const locked = await tx.query<{ partition: number; next_offset: string }>(
        `SELECT partition, next_offset::text FROM bus_partitions
         WHERE topic = $1 AND partition = ANY($2::int[]) ORDER BY partition FOR UPDATE`,
        [topic, integerArray(used)],
      );
      if (locked.rows.length !== used.length) {
        throw new Error(`topic ${topic} has not been created with ${partitionCount} partitions`);
      }
      const next = new Map(locked.rows.map((row) => [row.partition, BigInt(row.next_offset)]));
      const offsets = partitions.map((partition) => {
        const offset = next.get(partition)!;
        next.set(partition, offset + 1n);
        return offset;
      });
      await tx.query(
        `UPDATE bus_partitions b SET next_offset = u.n
         FROM unnest($2::int[], $3::bigint[]) AS u(p, n) WHERE b.topic = $1 AND b.partition = u.p`,
        [topic, integerArray([...next.keys()]), integerArray([...next.values()])],
      );
      await tx.query(
        `INSERT INTO bus_log (topic, partition, "offset", key, value, headers)
         SELECT $1, p, o, k, v, h::jsonb
         FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(p, o, k, v, h)`,
        [
          topic,
          integerArray(partitions),
          integerArray(offsets),
          textArray(messages.map((message) => message.key)),
          textArray(messages.map((message) => message.value)),
          textArray(messages.map((m) => (m.headers ? JSON.stringify(m.headers) : null))),
        ],
      );
    });
  }

  /** A group without offsets yet starts at the oldest kept message, or at the end. */
  async startGroup(groupId: string, topics: string[], fromBeginning: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO bus_offsets (group_id, topic, partition, committed)
       SELECT $1, topic, partition, CASE WHEN $3 THEN log_start ELSE next_offset END
       FROM bus_partitions WHERE topic = ANY($2::text[])
       ON CONFLICT DO NOTHING`,
      [groupId, textArray(topics), fromBeginning],
    );
  }

  async positions(groupId: string, topics: string[]): Promise<PartitionPosition[]> {
    const { rows } = await this.db.query<{
      topic: string;
      partition: number;
      next: string;
      committed: string;
    }>(
      `SELECT p.topic, p.partition, p.next_offset::text AS next,
              GREATEST(COALESCE(o.committed, p.log_start), p.log_start)::text AS committed
       FROM bus_partitions p LEFT JOIN bus_offsets o
         ON o.group_id = $1 AND o.topic = p.topic AND o.partition = p.partition
       WHERE p.topic = ANY($2::text[]) ORDER BY p.topic, p.partition`,
      [groupId, textArray(topics)],
    );
    return rows.map((row) => ({
      topic: row.topic,
      partition: row.partition,
      nextOffset: BigInt(row.next),
      committed: BigInt(row.committed),
    }));
  }

  /** Up to `limit` messages after the group's committed offset, read at call time. */
  async read(
    groupId: string,
    topic: string,
    partition: number,
    limit: number,
  ): Promise<StoredMessage[]> {
    const { rows } = await this.db.query<{
      at: string;
      key: string;
      value: string;
      headers: string | null;
      ts_ms: number;
    }>(
      `SELECT "offset"::text AS at, key, value, headers::text AS headers,
              (extract(epoch FROM ts) * 1000)::float8 AS ts_ms
       FROM bus_log
       WHERE topic = $2 AND partition = $3 AND "offset" >= COALESCE(
         (SELECT committed FROM bus_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3), 0)
       ORDER BY bus_log."offset" LIMIT $4`,
      [groupId, topic, partition, limit],
    );
    return rows.map((row) => ({
      offset: BigInt(row.at),
      key: row.key,
      value: row.value,
      headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
      timestampMs: Math.round(Number(row.ts_ms)),
    }));
  }

  /** Never moves a group backwards: a late commit of a batch handed over in-process is a no-op. */
  async commit(groupId: string, topic: string, partition: number, next: bigint): Promise<void> {
    await this.db.query(
      `INSERT INTO bus_offsets (group_id, topic, partition, committed) VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_id, topic, partition) DO UPDATE
       SET committed = GREATEST(bus_offsets.committed, EXCLUDED.committed), updated_at = now()`,
      [groupId, topic, partition, next.toString()],
    );
  }

  async lag(groupId: string, topics: string[]): Promise<number> {
    const positions = await this.positions(groupId, topics);
    return positions.reduce((sum, p) => sum + Number(p.nextOffset - p.committed), 0);
  }
}
