import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { createLogger, type Logger } from '../../infra/logger';
import { applySeed, seedSchema } from '../../server/catalog/seed';
import { startServer, type RunningServer } from '../../server/start-server';
import { createIngestToken } from '../../server/tokens/token-service';
import type { TestBackend } from './backends';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');

export interface TestStation {
  server: RunningServer;
  db: Database;
  /** The PostgreSQL server's URL, for other processes; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** An ingest token scoped to station sattelberg. */
  token: string;
  post(body: string, contentType?: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The real server in-process on port 0, on a fresh seeded database of the given backend. */
export async function startTestStation(
  backend: TestBackend,
  limits: {
    maxBodyBytes?: number;
    maxRowsPerBatch?: number;
    ingestRequestsPerSecond?: number;
    /** A bus of the test's own (opened on `db` by the caller after start). */
    bus?: (db: Database) => Promise<Bus>;
    /** The folder whose result files GET /api/v1/jobs/:id/result may serve. */
    resultsDir?: string;
    /** Sign-in mode (default local) and how long sessions last. */
    auth?: { mode: 'local' | 'required'; sessionHours?: number };
    /** The server's logger; silent by default (a test may capture the log lines). */
    logger?: Logger;
  } = {},
): Promise<TestStation> {
  const { db, dispose, url } = await backend.open();
  const seed = seedSchema.parse(
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'seed.json'), 'utf8')),
  );
  await applySeed(db, seed);
  const token = await createIngestToken(db, 'sattelberg', 'test');
  const bus = await limits.bus?.(db);
  const server = await startServer({
    db,
    logger: limits.logger ?? createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: limits.maxBodyBytes ?? 16 * 1024 * 1024,
    maxRowsPerBatch: limits.maxRowsPerBatch ?? 100_000,
    // Tests send as fast as they can; the limit is tested on its own.
    ingestRequestsPerSecond: limits.ingestRequestsPerSecond ?? 0,
    version: 'test',
    bus,
    resultsDir: limits.resultsDir,
    auth: limits.auth,
  });
  return {
    server,
    db,
    databaseUrl: url,
    token,
    post: (body, contentType = 'application/json', headers = {}) =>
      fetch(`${server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}`, ...headers },
        body,
      }),
    async close() {
      await server.close();
      await bus?.close();
      await dispose();
    },
  };
}

/** `count` observations of one datastream, 10 minutes apart from `startMs`. */
export function observationsOf(datastream: string, count: number, startMs = Date.UTC(2024, 0, 1)) {
  return Array.from({ length: count }, (_, i) => ({
    datastream,
    time: new Date(startMs + i * 600_000).toISOString(),
    value: Math.round(Math.sin(i / 10) * 1000) / 100,
  }));
}
