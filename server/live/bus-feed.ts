import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { z } from 'zod';
import { decodeObservation } from '../../core/contracts/decode-observation';
import { decodeMessage, type envelopeMessageSchema } from '../../core/contracts/topics';
import type { Observation } from '../../core/domain/observation';
import { subscribeInBackground } from '../../infra/bus/background-subscription';
import type { Bus, ConsumedMessage, Subscription } from '../../infra/bus/types';
import type { Logger } from '../../infra/logger';
import { liveAlertOf, type LiveAlert } from './live-hub';

export interface LiveSinks {
  /** Whether anyone watches the datastream; messages of the others are skipped unread. */
  watches: (datastream: string) => boolean;
  observations: (observations: Observation[]) => void;
  alerts: (alerts: LiveAlert[]) => void;
}

/**
 * Feeds the live socket from the `observations` and `alerts` topics too, so every desk
 * sees what any desk or hut ingested and any analyzer raised. Each server is its own
 * consumer group (a broadcast, from the end: live is about what comes next). Joining never
 * blocks start-up; this server's own ingest reaches the live socket directly meanwhile.
 * The message key is the datastream: a drain of a hut's backlog, tens of thousands of
 * messages a second, costs a lookup each unless someone watches.
 */
export function feedLiveFromBus(bus: Bus, sinks: LiveSinks, logger: Logger): Subscription {
  const groupId = `live-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const unreadable = (message: ConsumedMessage, error: string) =>
    logger.warn(
      { topic: message.topic, offset: message.offset, error },
      'live feed: unreadable message',
    );
  return subscribeInBackground(
    bus,
    {
      groupId,
      topics: ['observations', 'alerts'],
      eachBatch: async ({ topic, messages }) => {
        if (topic === 'alerts') {
          const alerts: LiveAlert[] = [];
          for (const message of messages) {
            const decoded = decodeMessage('alerts', message.value);
            if (!decoded.ok) unreadable(message, decoded.error);
            else alerts.push(liveAlertOf(payloadOf(decoded.message)));
          }
          sinks.alerts(alerts);
          return;
        }
        const observations: Observation[] = [];
        for (const message of messages) {
          if (!sinks.watches(message.key)) continue;
          const decoded = decodeObservation(message.value);
          if ('error' in decoded) unreadable(message, decoded.error);
          else observations.push(decoded);
        }
        if (observations.length > 0) sinks.observations(observations);
      },
    },
    (level, message, details) => logger[level](details ?? {}, `live feed: ${message}`),
  );
}

/** The `alerts` topic carries the envelope around an engine event. */
function payloadOf(message: unknown): Parameters<typeof liveAlertOf>[0] {
  const envelope = message as z.infer<typeof envelopeMessageSchema>;
  return envelope.payload as unknown as Parameters<typeof liveAlertOf>[0];
}
