// vitest globalSetup: gives every test file a real Kafka broker through inject('kafkaBrokers').
// KAFKA_BROKERS (e.g. a developer's `npm run kafka:up` broker or CI's) wins and starts nothing.
// Otherwise a throwaway broker runs on FIRN_TEST_KAFKA_PORT, or on a free pair of ports (broker and
// controller) so parallel test runs never collide, with a fresh data folder under the OS temp dir,
// stopped and wiped on teardown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
  }
}

interface RunningKafka {
  brokers: string;
  stop(options?: { wipe?: boolean }): Promise<boolean>;
}

interface KafkaScript {
  kafkaUp(options: { dataDir: string; port: number }): Promise<RunningKafka>;
}

// scripts/kafka.mjs is plain JS and tsconfig has no allowJs, so its shape is declared above and the
// import goes through a URL (a non-literal specifier TypeScript does not try to resolve).
const kafkaScriptUrl = new URL('../../scripts/kafka.mjs', import.meta.url).href;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalBrokers = process.env.KAFKA_BROKERS;
  if (externalBrokers) {
    project.provide('kafkaBrokers', externalBrokers);
    return async () => {};
  }

  const { kafkaUp } = (await import(kafkaScriptUrl)) as KafkaScript;
  const dataDir = mkdtempSync(join(tmpdir(), 'firn-test-kafka-'));
  const port = Number(process.env.FIRN_TEST_KAFKA_PORT || (await freePortPair()));
  const kafka = await kafkaUp({ dataDir, port });
  project.provide('kafkaBrokers', kafka.brokers);
  return async () => {
    await kafka.stop({ wipe: true });
  };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose successor is free too: the broker listens on port, its controller on port + 1. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if ((await portIsFree(port)) && (await portIsFree(port + 1))) return port;
  }
  throw new Error('no free port pair for the test Kafka broker');
}
