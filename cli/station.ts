import path from 'node:path';
import { openBus } from '../infra/bus/open-bus';
import type { Bus, BusHealth, BusLog } from '../infra/bus/types';
import type { Logger } from '../infra/logger';
import type { BusState } from '../server/health/health-use-case';
import type { AlertEvent } from '../core/rules/index';
import { liveAlertOf } from '../server/live/live-hub';
import { startServer, type RunningServer } from '../server/start-server';
import { OutboxRelay } from '../workers/relay/outbox-relay';
import type { Context } from './context';
import { version } from './context';
import { createWorker, workerNames } from './workers';

export interface RunningStation {
  server: RunningServer;
  bus: Bus;
  /** Undefined when the relay runs as its own process (FIRN_IN_PROCESS_WORKERS=none). */
  relay: OutboxRelay | undefined;
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
  const relay = config.inProcessWorkers ? new OutboxRelay({ db, bus, logger }) : undefined;
  relay?.start();
  // The other workers run in this process too (the embedded database serves one process).
  // The in-process analyzer tells this server's live socket at once, without a bus round trip.
  const liveSocket: { hub?: RunningServer['live'] } = {};
  const onAlertEvents = (events: readonly AlertEvent[]) =>
    liveSocket.hub?.publishAlerts(events.map(liveAlertOf));
  const workers = workerNames
    .filter((n) => n !== 'relay' && config.inProcessWorkers)
    .map((n) => createWorker(n, context, bus, { onAlertEvents }));
  for (const worker of workers) await worker.start();
  const busState = cachedBusState(bus, relay);
  const server = await startServer({
    db,
    logger,
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    maxRowsPerBatch: config.maxRowsPerBatch,
    ingestRequestsPerSecond: config.ingestRequestsPerSecond,
    allowedHosts: config.allowedHosts,
    auth: { mode: config.auth, sessionHours: config.sessionHours },
    version,
    staticDir,
    busState,
    bus,
    onBatchStored: () => relay?.wake(),
    // Where the simulation worker writes (cli/workers.ts).
    resultsDir: path.join(config.dataDir, 'results'),
  });
  liveSocket.hub = server.live;
  return {
    server,
    bus,
    relay,
    async stop() {
      await server.close();
      for (const worker of workers) await worker.stop();
      await relay?.stop();
      await bus.close();
    },
  };
}

/** How often /api/health asks the bus itself; answers in between come from the last check. */
const BUS_CHECK_INTERVAL_MS = 2_000;

/**
 * The bus state for /api/health without waiting on the bus: asking an unreachable broker
 * takes seconds, and the UI polls health every second while a hut is offline.
 */
function cachedBusState(bus: Bus, relay: OutboxRelay | undefined): () => Promise<BusState> {
  let last: BusHealth = { ok: false, error: 'not checked yet' };
  let checkedAt = 0;
  let checking = false;
  const refresh = () => {
    if (checking || Date.now() - checkedAt < BUS_CHECK_INTERVAL_MS) return;
    checking = true;
    void bus
      .health()
      .then((health) => (last = health))
      .catch((error: Error) => (last = { ok: false, error: error.message }))
      .finally(() => {
        checking = false;
        checkedAt = Date.now();
      });
  };
  refresh();
  return async () => {
    refresh();
    // A relay in another process reports through the outbox backlog, not here.
    const ok = last.ok && (relay?.status.connected ?? true);
    const error = last.error ?? relay?.status.lastError ?? undefined;
    return { kind: bus.kind, ok, ...(error && !ok ? { error } : {}) };
  };
}
