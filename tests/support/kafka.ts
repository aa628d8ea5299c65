// Typed access to scripts/kafka.mjs (plain JS: tsconfig has no allowJs, so its shape is declared
// here and the import goes through a URL, a specifier TypeScript does not try to resolve).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortPair } from './ports';

export interface RunningKafka {
  brokers: string;
  stop(options?: { wipe?: boolean }): Promise<boolean>;
}

interface KafkaScript {
  kafkaUp(options: { dataDir: string; port: number }): Promise<RunningKafka>;
  runKafkaTool(
    mainClass: string,
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

const kafkaScriptUrl = new URL('../../scripts/kafka.mjs', import.meta.url).href;

export function loadKafkaScript(): Promise<KafkaScript> {
  return import(kafkaScriptUrl) as Promise<KafkaScript>;
}

export interface OwnBroker {
  brokers: string;
  /** Stops the broker process (its data stays, as after an outage). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

/** A broker of a test's own, on free ports with its own data, for tests that stop it. */
export async function startOwnBroker(): Promise<OwnBroker> {
  const { kafkaUp } = await loadKafkaScript();
  const dataDir = mkdtempSync(join(tmpdir(), 'firn-own-kafka-'));
  const port = await freePortPair();
  let running = await kafkaUp({ dataDir, port });
  return {
    brokers: running.brokers,
    async stop() {
      await running.stop();
    },
    async start() {
      running = await kafkaUp({ dataDir, port });
    },
    async dispose() {
      await running.stop({ wipe: true });
    },
  };
}
