// The implementations the bus contract suite runs against. Each can open any number of buses
// on its storage, and restart that storage as a new process would find it (durability).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../../tests/support/postgres';
import { migrate } from '../../db/migrate';
import { openPglite } from '../../db/pglite';
import { openPostgres } from '../../db/postgres';
import type { Database } from '../../db/types';
import { EmbeddedLog } from '../embedded-log';
import { KafkaBus } from '../kafka-bus';
import type { Bus } from '../types';

export interface BusSubject {
  name: string;
  start(): Promise<void>;
  /** A new bus, its topics created, on this subject's storage; the caller closes it. */
  open(topicPrefix: string): Promise<Bus>;
  /** Closes and reopens the storage, as a restarted process would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The embedded log on a database that `connect` opens (migrated) again on each restart. */
function embeddedSubject(
  name: string,
  prepare: () => Promise<{ connect(): Promise<Database>; dispose(): Promise<void> }>,
): BusSubject {
  let storage: Awaited<ReturnType<typeof prepare>> | undefined;
  let db: Database | undefined;
  const connect = async () => {
    db = await storage!.connect();
    await migrate(db);
  };
  return {
    name,
    async start() {
      storage = await prepare();
      await connect();
    },
    async open(topicPrefix) {
      // Fast polling keeps the suite quick; wake-ups make in-process delivery immediate anyway.
      const bus = new EmbeddedLog({ db: db!, topicPrefix, pollIntervalMs: 50, trimIntervalMs: 0 });
      await bus.ensureTopics();
      return bus;
    },
    async restart() {
      await db!.close();
      await connect();
    },
    async stop() {
      await db?.close();
      await storage?.dispose();
    },
  };
}

export const pgliteSubject = embeddedSubject('embedded log on PGlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-bus-pglite-'));
  return {
    connect: () => openPglite(dir),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

export const postgresSubject = embeddedSubject('embedded log on PostgreSQL', async () => {
  const throwaway: ThrowawayDatabase = await createThrowawayDatabase();
  return { connect: async () => openPostgres(throwaway.url), dispose: () => throwaway.drop() };
});

export function kafkaSubject(brokers: string[], runPrefix: string): BusSubject {
  return {
    name: 'Kafka',
    async start() {},
    async open(topicPrefix) {
      const bus = new KafkaBus({ brokers, topicPrefix, clientId: 'firn-bus-contract' });
      await bus.ensureTopics();
      return bus;
    },
    async restart() {}, // the broker keeps its log; a new bus is a new client
    async stop() {
      // Best effort: KAFKA_BROKERS may be a long-lived broker shared with other runs.
      const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(runPrefix));
      await admin.deleteTopics({ topics: ours }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
