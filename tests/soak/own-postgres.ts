import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePortPair } from '../support/ports';

// The soak restarts PostgreSQL as one of its faults, so it runs a server of its own (a fresh
// cluster in a temporary folder, on a port of its own) rather than the shared one at 5432:
// restarting that would break every other test and session on the machine.

const PG_BIN = fs.existsSync('/usr/lib/postgresql')
  ? path.join(
      '/usr/lib/postgresql',
      fs.readdirSync('/usr/lib/postgresql').sort().at(-1) ?? '15',
      'bin',
    )
  : '';

export interface OwnPostgres {
  url: string;
  /** Restarts the server; `immediate` is a crash restart (WAL recovery), as after a power cut. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  dispose(): void;
}

/** As the `postgres` user when we are root: initdb and postgres refuse to run as root. */
function asPostgres(binary: string): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary]] : [binary, []];
}

function pgCommand(tool: string, args: string[]): string {
  const [command, prefix] = asPostgres(path.join(PG_BIN, tool));
  return execFileSync(command, [...prefix, ...args], { encoding: 'utf8' });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  if (!PG_BIN) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-soak-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePortPair();
  pgCommand('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const ctl = (action: string, extra: string[] = []) =>
    pgCommand('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-o',
      options,
      '-w',
      action,
      ...extra,
    ]);
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(mode) {
      const args = ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'restart'];
      const [command, prefix] = asPostgres(path.join(PG_BIN, 'pg_ctl'));
      await promisify(execFile)(command, [...prefix, ...args, '-m', mode]);
    },
    dispose() {
      try {
        ctl('stop', ['-m', 'immediate']);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
