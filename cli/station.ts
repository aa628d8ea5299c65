import { openBus } from '../infra/bus/open-bus';
import type { Bus, BusLog } from '../infra/bus/types';
import type { Logger } from '../infra/logger';
import type { BusState } from '../server/health/health-use-case';
import { startServer, type RunningServer } from '../server/start-server';
import { OutboxRelay } from '../workers/relay/outbox-relay';
import type { Context } from './context';
import { version } from './context';

export interface RunningStation {
  server: RunningServer;
  bus: Bus;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

export function busLog(logger: Logger): BusLog {
  return (level, message, details) => logger[level](details ?? {}, message);
}

/** Opens the configured bus: Kafka when KAFKA_BROKERS is set, else the embedded log. */
export function openConfiguredBus({ config, db, logger }: Context): Promise<Bus> {
  return openBus({
    kafkaBrokers: config.kafkaBrokers,
    db,
    topicPrefix: config.topicPrefix,
    clientId: 'firn',
    log: busLog(logger),
  });
}

/** The whole control room in one process: bus, outbox relay, server (the laptop default). */
export async function runStation(
  context: Context,
  staticDir: string | undefined,
): Promise<RunningStation> {
  const { config, db, logger } = context;
  const bus = await openConfiguredBus(context);
  const relay = new OutboxRelay({ db, bus, logger });
  relay.start();
  const busState = async (): Promise<BusState> => {
    const health = await bus.health();
    const ok = health.ok && relay.status.connected;
    const error = health.error ?? relay.status.lastError ?? undefined;
    return { kind: bus.kind, ok, ...(error && !ok ? { error } : {}) };
  };
  const server = await startServer({
    db,
    logger,
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    maxRowsPerBatch: config.maxRowsPerBatch,
    version,
    staticDir,
    busState,
    bus,
    onBatchStored: () => relay.wake(),
  });
  return {
    server,
    bus,
    relay,
    async stop() {
      await server.close();
      await relay.stop();
      await bus.close();
    },
  };
}
