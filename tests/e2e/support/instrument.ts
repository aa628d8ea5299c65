import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, stopProcess } from './process';
import { test as stationTest } from './station';

/** The simulated airglow imager of resources/instruments, operable as `zugspitze.airglow`. */
export const AIRGLOW = 'zugspitze.airglow';
const MQTT_URL = 'mqtt://127.0.0.1:1883';
const CATALOGUE = path.join(repoRoot, 'resources', 'instruments', 'catalogue.json');
const SIMULATOR = path.join('resources', 'instruments', 'airglow-imager-sim.ts');

export interface SimulatedInstrument {
  /** This test's own MQTT topic prefix, so specs running at once never hear each other. */
  topicPrefix: string;
  /** Command ids the simulator received, in order, one per delivery (duplicates kept). */
  receivedCommandIds(): Promise<string[]>;
}

interface InstrumentFixtures {
  topicPrefix: string;
  instrument: SimulatedInstrument;
}

/** Specs using `instrument` also say `test.use({ tokenStations: ['zugspitze'] })`: its ingest token. */
export const test = stationTest.extend<InstrumentFixtures>({
  // Playwright reads fixture dependencies from the pattern: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  topicPrefix: async ({}, use, testInfo) => {
    await use(`firn-e2e/${testInfo.testId}-${Date.now()}/${AIRGLOW}`);
  },

  // The station reads a copy of the catalogue whose imager talks on this test's topics.
  stationEnv: async ({ topicPrefix }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-e2e-catalogue-'));
    const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, 'utf8')) as {
      instruments: { id: string; driver: Record<string, unknown> }[];
    };
    for (const spec of catalogue.instruments) {
      if (spec.id === AIRGLOW) spec.driver = { kind: 'mqtt', url: MQTT_URL, topicPrefix };
    }
    const file = path.join(dir, 'catalogue.json');
    fs.writeFileSync(file, JSON.stringify(catalogue));
    try {
      await use({ FIRN_INSTRUMENT_CATALOGUE: file });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  instrument: async ({ station, topicPrefix }, use, testInfo) => {
    const log = path.join(station.dataDir, 'imager-commands.log');
    const child = spawn(
      process.execPath,
      [
        'bin/run-ts.js',
        SIMULATOR,
        '--mqtt',
        MQTT_URL,
        '--topic-prefix',
        topicPrefix,
        '--ingest',
        station.baseURL.replace(/\/$/, ''),
        '--token',
        station.tokens.zugspitze ?? '',
        '--command-log',
        log,
        // A report every 2 s (the exposure is the sampling interval): a rule sees data soon.
        '--exposure',
        '2',
        '--mode',
        'night-series',
      ],
      { cwd: repoRoot, env: process.env },
    );
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    try {
      await use({
        topicPrefix,
        async receivedCommandIds() {
          if (!fs.existsSync(log)) return [];
          return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
        },
      });
    } finally {
      await stopProcess(child as ChildProcess);
      await testInfo.attach('imager.log', { body: output, contentType: 'text/plain' });
    }
  },
});

export { expect } from './station';
