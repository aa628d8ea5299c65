import type { Admin, TopicPartitionOffset } from 'kafkajs';

/**
 * Where a group that does not read from the beginning starts: for each partition it has no
 * committed offset for, the end of the log as of now. The subscription commits these once it
 * has joined, as the embedded log does at subscribe(). Left to kafkajs, "the end" would be
 * taken at the first fetch after joining, so messages published in between would be skipped,
 * and again after every restart until the group first commits. (kafkajs' admin.setOffsets
 * would do it too, but it joins the group with a consumer of its own and takes seconds.)
 */
export async function endsOfUncommittedPartitions(
  admin: Admin,
  groupId: string,
  topics: string[],
): Promise<TopicPartitionOffset[]> {
  const starts: TopicPartitionOffset[] = [];
  for (const topic of topics) {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const uncommitted = new Set(
      committed?.partitions.filter((p) => p.offset === '-1').map((p) => p.partition),
    );
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
      if (uncommitted.has(partition)) starts.push({ topic, partition, offset: high });
    }
  }
  return starts;
}
