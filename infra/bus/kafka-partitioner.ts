import type { ICustomPartitioner } from 'kafkajs';
import { partitionForKey } from './partition-for-key';

/** Distinct keys remembered per partition count; past it the memo starts afresh. */
const MEMO_LIMIT = 50_000;

/**
 * A key's partition as Kafka's default partitioner computes it, remembered per key. kafkajs'
 * own DefaultPartitioner hashes every message again with 64-bit Long objects and filters the
 * partition list per message; a relay round sends the same few thousand datastream keys
 * tens of thousands of times.
 */
export class KeyPartitions {
  private readonly memo = new Map<number, Map<string, number>>();

  of(key: string, partitionCount: number): number {
    let byKey = this.memo.get(partitionCount);
    if (!byKey) this.memo.set(partitionCount, (byKey = new Map()));
    let partition = byKey.get(key);
    if (partition === undefined) {
      if (byKey.size >= MEMO_LIMIT) byKey.clear();
      partition = partitionForKey(key, partitionCount);
      byKey.set(key, partition);
    }
    return partition;
  }
}

/**
 * For kafkajs' `createPartitioner`: the message's own partition when the publisher set one,
 * else the key's partition among all of the topic's partitions (as DefaultPartitioner does).
 */
export const keyPartitioner: ICustomPartitioner = () => {
  const partitions = new KeyPartitions();
  return ({ partitionMetadata, message }) => {
    if (message.partition !== undefined && message.partition !== null) return message.partition;
    if (typeof message.key !== 'string') {
      throw new Error('every message on the bus has a text key: it picks the partition');
    }
    return partitions.of(message.key, partitionMetadata.length);
  };
};
