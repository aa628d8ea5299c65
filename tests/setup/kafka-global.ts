// vitest globalSetup: gives every test file a real Kafka broker through inject('kafkaBrokers').
// KAFKA_BROKERS (e.g. a developer's `npm run kafka:up` broker or CI's) wins and starts nothing.
// Otherwise a throwaway broker runs on FIRN_TEST_KAFKA_PORT, or on a free pair of ports (broker and
// controller) so parallel test runs never collide, with a fresh data folder under the OS temp dir,
// stopped and wiped on teardown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadKafkaScript } from '../support/kafka';
import { freePortPair } from '../support/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalBrokers = process.env.KAFKA_BROKERS;
  if (externalBrokers) {
    project.provide('kafkaBrokers', externalBrokers);
    return async () => {};
  }

  const { kafkaUp } = await loadKafkaScript();
  const dataDir = mkdtempSync(join(tmpdir(), 'firn-test-kafka-'));
  const port = Number(process.env.FIRN_TEST_KAFKA_PORT || (await freePortPair()));
  const kafka = await kafkaUp({ dataDir, port });
  project.provide('kafkaBrokers', kafka.brokers);
  return async () => {
    await kafka.stop({ wipe: true });
  };
}
