import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { runFirn, startFirn, stopProcess } from './process';

export interface ObservationInput {
  datastream: string;
  time: string;
  value: number;
}

/** A station of one's own: fresh data folder, seeded database, server on a free port. */
export interface Station {
  baseURL: string;
  token: string;
  /** Ingest tokens of the stations named in `tokenStations` (e.g. for an instrument simulator). */
  tokens: Record<string, string>;
  dataDir: string;
  /** POST /api/v1/observations with the station's ingest token. */
  ingest(observations: ObservationInput[]): Promise<{ accepted: number; rejected: unknown[] }>;
}

const READY = /Firn control room: (http:\/\/127\.0\.0\.1:\d+)\//;

export interface StationFixtures {
  /**
   * Extra environment for the station's processes (e.g. KAFKA_BROKERS for a hut whose
   * broker is away). An option, so a spec can override it with a fixture of its own that
   * depends on others, such as a broker port picked at run time.
   */
  stationEnv: Record<string, string>;
  /** Stations besides sattelberg that get an ingest token before the station starts. */
  tokenStations: string[];
  /**
   * Users created (`firn user add`) before the station starts; with
   * `stationEnv: { FIRN_AUTH: 'required' }` a spec gets a station that asks to sign in.
   */
  stationUsers: Record<string, { role: string; password: string }>;
  station: Station;
  consoleErrors: string[];
}

export const test = base.extend<StationFixtures>({
  stationEnv: [{}, { option: true }],
  tokenStations: [[], { option: true }],
  stationUsers: [{}, { option: true }],

  station: async ({ stationEnv, tokenStations, stationUsers }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-e2e-'));
    const env = { ...process.env, ...stationEnv, FIRN_DATA_DIR: dataDir, FIRN_LOG_LEVEL: 'warn' };
    try {
      // Creates and seeds the embedded database; prints the token alone on stdout.
      const created = await runFirn(['token', 'create', '--station', 'sattelberg'], env);
      if (created.code !== 0)
        throw new Error(`token create failed (${created.code}):\n${created.stderr}`);
      const token = created.stdout.trim().split('\n').at(-1) ?? '';
      expect(token, 'token create prints a token').not.toBe('');
      const tokens: Record<string, string> = {};
      for (const id of tokenStations) {
        const made = await runFirn(['token', 'create', '--station', id], env);
        if (made.code !== 0) throw new Error(`token create ${id} failed:\n${made.stderr}`);
        tokens[id] = made.stdout.trim().split('\n').at(-1) ?? '';
      }
      for (const [name, user] of Object.entries(stationUsers)) {
        const args = ['user', 'add', name, '--role', user.role];
        const added = await runFirn(args, env, `${user.password}\n`);
        if (added.code !== 0) throw new Error(`user add ${name} failed:\n${added.stderr}`);
      }

      const server = await startFirn(['start'], { ...env, FIRN_PORT: '0' }, READY, 60_000);
      const baseURL = `${server.match[1]}/`;
      const ingest: Station['ingest'] = async (observations) => {
        const response = await fetch(`${baseURL}api/v1/observations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ observations }),
        });
        expect(response.status, await response.clone().text()).toBe(200);
        return (await response.json()) as { accepted: number; rejected: unknown[] };
      };
      try {
        await use({ baseURL, token, tokens, dataDir, ingest });
      } finally {
        await stopProcess(server.child);
        await testInfo.attach('server.log', { body: server.output(), contentType: 'text/plain' });
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  // Pages open the station's own server.
  baseURL: async ({ station }, use) => {
    await use(station.baseURL);
  },

  /** Console errors and uncaught exceptions of the page, for the test to assert on. */
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      errors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
  },
});

export { expect };
