import type { Batch, EachBatchPayload, IHeaders } from 'kafkajs';
import { backoffDelayMs, sleep } from './retry-backoff';
import type { TopicPrefix } from './topic-prefix';
import type { BusLog, ConsumedBatch, ConsumedMessage, SubscribeOptions } from './types';

/** How often a running handler heartbeats, so its partition stays with it. */
export const HEARTBEAT_MS = 1_000;

/**
 * Hands each batch to the handler; commits only after it resolved. A throwing handler gets
 * the very same batch again after a backoff, until it succeeds or the subscription stops
 * or loses the partition.
 */
export function batchHandler(
  names: TopicPrefix,
  options: SubscribeOptions,
  log: BusLog,
  stopping: AbortSignal,
) {
  return async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const consumed = toConsumedBatch(names, batch);
    for (let failures = 0; ;) {
      // Stopped or rebalanced away: leave it uncommitted, the next owner gets it again.
      if (stopping.aborted || !payload.isRunning() || payload.isStale()) return;
      // kafkajs heartbeats only when asked: a long handler (a simulation) would otherwise
      // outlive the session, and its partition would go to another member mid-run.
      const heartbeats = setInterval(
        () => void payload.heartbeat().catch(() => undefined),
        HEARTBEAT_MS,
      );
      try {
        await options.eachBatch(consumed);
        break;
      } catch (error) {
        failures += 1;
        log('warn', 'bus handler failed; the batch will be delivered again', {
          groupId: options.groupId,
          topic: consumed.topic,
          partition: batch.partition,
          firstOffset: batch.firstOffset(),
          failures,
          error: (error as Error).message,
        });
        await sleep(backoffDelayMs(failures), stopping);
        if (!stopping.aborted) await payload.heartbeat(); // still ours: keep the partition
      } finally {
        clearInterval(heartbeats);
      }
    }
    const next = (BigInt(batch.lastOffset()) + 1n).toString();
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
    });
    payload.resolveOffset(batch.lastOffset());
    await payload.heartbeat();
  };
}

function toConsumedBatch(names: TopicPrefix, batch: Batch): ConsumedBatch {
  const topic = names.logical(batch.topic);
  const { partition } = batch;
  // Runs for every message a consumer reads: a plain loop, and no header object walked when
  // there are none (Firn's own topics carry none).
  const messages = new Array<ConsumedMessage>(batch.messages.length);
  for (let i = 0; i < messages.length; i++) {
    const message = batch.messages[i]!;
    messages[i] = {
      topic,
      partition,
      offset: message.offset,
      timestampMs: Number(message.timestamp),
      key: message.key?.toString() ?? '',
      value: message.value?.toString() ?? '',
      headers: headersOf(message.headers),
    };
  }
  return { topic, partition, messages };
}

function headersOf(raw: IHeaders | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = value.toString();
  }
  return headers;
}
