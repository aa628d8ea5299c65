import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { decodeMessage } from '../../core/contracts/topics';
import type { Observation } from '../../core/domain/observation';
import { subscribeInBackground } from '../../infra/bus/background-subscription';
import type { Bus, Subscription } from '../../infra/bus/types';
import type { Logger } from '../../infra/logger';

/**
 * Feeds the live socket from the `observations` topic too, so every desk sees what any
 * desk or hut ingested. Each server is its own consumer group (a broadcast, from the end:
 * live is about what comes next). Joining never blocks start-up; this server's own ingest
 * reaches the live socket directly meanwhile.
 */
export function feedLiveFromBus(
  bus: Bus,
  deliver: (observations: Observation[]) => void,
  logger: Logger,
): Subscription {
  const groupId = `live-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return subscribeInBackground(
    bus,
    {
      groupId,
      topics: ['observations'],
      eachBatch: async ({ messages }) => {
        const observations: Observation[] = [];
        for (const message of messages) {
          const decoded = decodeMessage('observations', message.value);
          if (!decoded.ok) {
            logger.warn(
              { offset: message.offset, error: decoded.error },
              'live feed: unreadable message',
            );
            continue;
          }
          const { datastream, timeMs, value, quality } = decoded.message;
          observations.push({ datastream, timeMs, value, quality });
        }
        deliver(observations);
      },
    },
    (level, message, details) => logger[level](details ?? {}, `live feed: ${message}`),
  );
}
