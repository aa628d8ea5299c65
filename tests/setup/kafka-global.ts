// vitest globalSetup: gives every test file a real Kafka broker through inject('kafkaBrokers').
// KAFKA_BROKERS (e.g. a developer's `npm run kafka:up` broker or CI's) wins and starts nothing.
// Otherwise a throwaway broker runs on FIRN_TEST_KAFKA_PORT (default 19192, off the dev 19092)
// with a fresh data folder under the OS temp dir, stopped and wiped on teardown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const port = Number(process.env.FIRN_TEST_KAFKA_PORT || 19192);
  const kafka = await kafkaUp({ dataDir, port });
  project.provide('kafkaBrokers', kafka.brokers);
  return async () => {
    await kafka.stop({ wipe: true });
  };
}
