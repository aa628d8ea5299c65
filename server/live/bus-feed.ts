import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { decodeMessage } from '../../core/contracts/topics';
import type { Observation } from '../../core/domain/observation';
import { DuplicateFilter } from '../../core/stream/duplicate-filter';
import type { Bus, Subscription } from '../../infra/bus/types';
import type { Logger } from '../../infra/logger';
import type { LiveHub } from './live-hub';

/**
 * Feeds the live socket from the `observations` topic, so every desk sees what any desk or
 * hut ingested. Each server is its own consumer group (a broadcast, from the end: live is
 * about what comes next), and drops what the relay published twice.
 */
export async function feedLiveFromBus(
  bus: Bus,
  live: LiveHub,
  logger: Logger,
): Promise<Subscription> {
  const duplicates = new DuplicateFilter(200_000);
  const groupId = `live-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return bus.subscribe({
    groupId,
    topics: ['observations'],
    eachBatch: async ({ messages }) => {
      const observations: Observation[] = [];
      for (const message of messages) {
        const decoded = decodeMessage('observations', message.value);
        if (!decoded.ok) {
          logger.warn(
            { offset: message.offset, error: decoded.error },
            'live feed: unreadable observation message',
          );
          continue;
        }
        const { datastream, timeMs, value, quality } = decoded.message;
        if (duplicates.isNew(datastream, timeMs))
          observations.push({ datastream, timeMs, value, quality });
      }
      live.publish(observations);
    },
  });
}
