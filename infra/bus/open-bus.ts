import type { Database } from '../db/types';
import { EmbeddedLog } from './embedded-log';
import { KafkaBus } from './kafka-bus';
import type { Bus, BusLog } from './types';

export interface OpenBusOptions {
  /** Kafka bootstrap servers (KAFKA_BROKERS); without them, the embedded log in `db`. */
  kafkaBrokers?: string[];
  db: Database;
  /** Prepended to every topic name, e.g. `firn.`; lets installations share a cluster. */
  topicPrefix?: string;
  clientId?: string;
  log?: BusLog;
}

/**
 * The bus of this deployment: Kafka when brokers are configured (station desk, scale-out),
 * else the embedded log in the application's database (laptop, nothing to install).
 * Topics are created before it is handed out. A Kafka broker that cannot be reached does
 * not fail start-up (the hut whose uplink is down): the Kafka bus creates the topics on its
 * first successful call, and health() tells what is wrong meanwhile.
 */
export async function openBus(options: OpenBusOptions): Promise<Bus> {
  const bus: Bus =
    options.kafkaBrokers && options.kafkaBrokers.length > 0
      ? new KafkaBus({
          brokers: options.kafkaBrokers,
          topicPrefix: options.topicPrefix,
          clientId: options.clientId,
          log: options.log,
        })
      : new EmbeddedLog({ db: options.db, topicPrefix: options.topicPrefix, log: options.log });
  try {
    await bus.ensureTopics();
  } catch (error) {
    if (bus.kind === 'kafka') {
      options.log?.('warn', 'Kafka is not reachable yet; topics are created on first use', {
        error: (error as Error).message,
      });
      return bus;
    }
    await bus.close();
    throw error;
  }
  return bus;
}
