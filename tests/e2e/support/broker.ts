import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKafkaScript, type RunningKafka } from '../../support/kafka';
import { freePortPair } from '../../support/ports';
import { test as stationTest } from './station';

/** A real Kafka broker of the test's own, on a fixed address it can leave and rejoin. */
export interface TestBroker {
  /** `127.0.0.1:<port>`, for KAFKA_BROKERS: the same before, during and after an outage. */
  brokers: string;
  /** Starts the broker on that port (its data kept from before) once it serves metadata. */
  start(): Promise<void>;
  /** Stops the broker, keeping its data, as an uplink that drops does. */
  stop(): Promise<void>;
}

export interface BrokerFixtures {
  /**
   * Whether the broker runs before the station starts. Off by default: the remote hut
   * whose uplink is down when it boots, the harder case for the station.
   */
  brokerAtStart: boolean;
  broker: TestBroker;
}

export const test = stationTest.extend<BrokerFixtures>({
  brokerAtStart: [false, { option: true }],

  broker: async ({ brokerAtStart }, use) => {
    const port = await freePortPair();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-e2e-kafka-'));
    const { kafkaUp } = await loadKafkaScript();
    let running: RunningKafka | undefined;
    const broker: TestBroker = {
      brokers: `127.0.0.1:${port}`,
      async start() {
        running = await kafkaUp({ dataDir, port });
      },
      async stop() {
        await running?.stop();
        running = undefined;
      },
    };
    try {
      if (brokerAtStart) await broker.start();
      await use(broker);
    } finally {
      await running?.stop({ wipe: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  // Depends on the broker so the station is set up after it and torn down before it: a
  // station stopping against a vanished broker would sit in its client's retries.
  stationEnv: async ({ broker }, use, testInfo) => {
    await use({
      KAFKA_BROKERS: broker.brokers,
      // Topic names of one's own: KAFKA_BROKERS could also be a shared developer broker.
      FIRN_TOPIC_PREFIX: `e2e-${testInfo.testId}-${Date.now()}.`,
    });
  },
});

export { expect } from './station';
