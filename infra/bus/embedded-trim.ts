import type { Database } from '../db/types';

/**
 * Retention for the embedded log: deletes a topic's messages that are older than its
 * retention AND that every consumer group has committed. A group that has not committed
 * within the retention period no longer holds messages back (Kafka, too, forgets the offsets
 * of groups gone for longer than that), so an abandoned group cannot fill the disk.
 * Returns how many messages were deleted.
 */
export async function trimTopic(db: Database, topic: string, retentionMs: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Producers of this topic wait for the trim: log_start must not pass a message that is
    // being appended at the same time.
    await tx.query('SELECT 1 FROM bus_partitions WHERE topic = $1 ORDER BY partition FOR UPDATE', [
      topic,
    ]);
    const deleted = await tx.query(
      `WITH bound AS (
         SELECT p.partition, LEAST(p.next_offset, COALESCE(MIN(o.committed), p.next_offset)) AS upto
         FROM bus_partitions p LEFT JOIN bus_offsets o
           ON o.topic = p.topic AND o.partition = p.partition
          AND o.updated_at > now() - $2::float8 * interval '1 millisecond'
         WHERE p.topic = $1
         GROUP BY p.partition, p.next_offset)
       DELETE FROM bus_log l USING bound b
       WHERE l.topic = $1 AND l.partition = b.partition AND l."offset" < b.upto
         AND l.ts < now() - $2::float8 * interval '1 millisecond'`,
      [topic, retentionMs],
    );
    if (deleted.affected > 0) {
      await tx.query(
        `UPDATE bus_partitions p SET log_start = COALESCE(
           (SELECT MIN("offset") FROM bus_log l WHERE l.topic = p.topic AND l.partition = p.partition),
           p.next_offset)
         WHERE p.topic = $1`,
        [topic],
      );
    }
    return deleted.affected;
  });
}
