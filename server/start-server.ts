import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bus } from '../infra/bus/types';
import type { Database } from '../infra/db/types';
import type { Logger } from '../infra/logger';
import type { BusState } from './health/health-use-case';
import { outboxBacklog } from './health/health-use-case';
import { createApp } from './http/app';
import { Metrics } from './http/metrics';
import { DatastreamCache } from './ingest/datastream-cache';
import { RateLimiter } from './ingest/rate-limiter';
import type { Observation } from '../core/domain/observation';
import { DuplicateFilter } from '../core/stream/duplicate-filter';
import { feedLiveFromBus } from './live/bus-feed';
import { LiveHub } from './live/live-hub';
import { TokenVerifier } from './tokens/token-service';
import type { AuthMode } from '../core/auth/session';
import { admitLiveUpgrade } from './auth/live-admission';
import { SignInThrottle } from './auth/sign-in-throttle';
import type { InstrumentCatalogue } from '../core/operations/instrument-catalogue';
import { syncInstruments } from '../infra/operations/instrument-store';
import { readInstrumentCatalogue } from './operations/instrument-catalogue-file';

export interface ServerOptions {
  db: Database;
  logger: Logger;
  host: string;
  port: number;
  maxBodyBytes: number;
  maxRowsPerBatch: number;
  /** Ingest requests per second per token (bursts to twice that); 0 turns the limit off. */
  ingestRequestsPerSecond: number;
  /** Host names besides IP addresses and localhost that requests may name (DNS rebinding). */
  allowedHosts?: string[];
  version: string;
  staticDir?: string;
  /** The bus's state for /api/health; without a bus, health says so. */
  busState?: () => Promise<BusState>;
  /** Told after each committed ingest batch (the relay wakes up). */
  onBatchStored?: () => void;
  /** With a bus, the live socket also shows what other desks and huts publish on it. */
  bus?: Bus;
  /** The simulation workers' results folder, served per job. */
  resultsDir?: string;
  /** Operable instruments to register (default: resources/instruments/catalogue.json). */
  instrumentCatalogue?: InstrumentCatalogue;
  /** Sign-in: `local` (the default, loopback desk) or `required`; sessions last `sessionHours`. */
  auth?: { mode: AuthMode; sessionHours?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  metrics: Metrics;
  live: LiveHub;
  close(): Promise<void>;
}

/** The ingest and control-room server: HTTP API, live socket, metrics, static UI. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // The catalogue file is the source of truth for the instruments' commands and drivers.
  const catalogue = options.instrumentCatalogue ?? readInstrumentCatalogue();
  await syncInstruments(options.db, catalogue.instruments);
  const allowedHosts = options.allowedHosts ?? [];
  const authMode = options.auth?.mode ?? 'local';
  const live = new LiveHub(allowedHosts, admitLiveUpgrade(options.db, authMode));
  // Local ingest goes to the live socket at once (also while the uplink is down); the bus
  // brings other desks' data, and what arrives both ways is shown once.
  const duplicates = new DuplicateFilter(200_000);
  // Only watched datastreams: at a drain's pace (tens of thousands a second) anything more
  // per observation would slow this process's own ingest.
  const publishLive = (observations: readonly Observation[]) =>
    live.publish(
      observations.filter(
        (o) => live.watches(o.datastream) && duplicates.isNew(o.datastream, o.timeMs),
      ),
    );
  const metrics = new Metrics(async () => (await outboxBacklog(options.db)).backlog);
  const app = createApp({
    db: options.db,
    bus: options.bus,
    resultsDir: options.resultsDir,
    auth: {
      authMode,
      sessionTtlMs: (options.auth?.sessionHours ?? 12) * 3_600_000,
      signInThrottle: new SignInThrottle(),
    },
    allowedHosts,
    logger: options.logger,
    metrics,
    version: options.version,
    staticDir: options.staticDir,
    busState: options.busState ?? (async () => ({ kind: 'none', ok: true })),
    datastreams: new DatastreamCache(options.db),
    tokens: new TokenVerifier(options.db),
    limits: { maxBytes: options.maxBodyBytes, maxRows: options.maxRowsPerBatch },
    rateLimiter: new RateLimiter(options.ingestRequestsPerSecond),
    onStored: (event) => {
      metrics.ingestBatches.inc();
      metrics.ingestRows.inc({ result: 'stored' }, event.stored);
      metrics.ingestRows.inc({ result: 'duplicate' }, event.duplicates);
      metrics.ingestRows.inc({ result: 'rejected' }, event.rejected);
      if (event.stored > 0) {
        options.onBatchStored?.();
        publishLive(event.observations);
      }
    },
  });
  const server = http.createServer(app);
  // Slow or stalled clients must not hold sockets forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  live.attach(server);
  const busFeed = options.bus
    ? feedLiveFromBus(
        options.bus,
        {
          watches: (datastream) => live.watches(datastream),
          observations: publishLive,
          alerts: (alerts) => live.publishAlerts(alerts),
        },
        options.logger,
      )
    : undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    metrics,
    live,
    async close() {
      await busFeed?.stop();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
