import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-cli-'));

function firn(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'firn.js'), ...args], {
    env: { ...process.env, FIRN_DATA_DIR: dataDir, FIRN_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the firn command line on the embedded database', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('registers a station and a datastream, and refuses one of an unknown station', () => {
    expect(
      firn([
        'station',
        'add',
        'hut1',
        '--name',
        'Hut One',
        '--lat',
        '47.1',
        '--lon',
        '11.2',
        '--alt',
        '2500',
      ]),
    ).toMatchObject({
      code: 0,
      stdout: 'hut1\n',
    });
    expect(
      firn([
        'datastream',
        'add',
        'hut1.logger.air_temperature',
        '--unit',
        'degC',
        '--cadence',
        '60',
      ]),
    ).toMatchObject({
      code: 0,
      stdout: 'hut1.logger.air_temperature\n',
    });
    const unknown = firn(['datastream', 'add', 'nohut.logger.t', '--unit', 'degC']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/station "nohut" does not exist/);
    expect(firn(['station', 'add', 'Bad Id']).code).toBe(2);
  });

  it('prints a new token alone on stdout', () => {
    const { code, stdout } = firn(['token', 'create', '--station', 'hut1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^firn_\d+_[A-Za-z0-9_-]{43}\n$/);
  });

  it('imports an NDJSON file through the ingest path and reports what it refused', () => {
    const file = path.join(dataDir, 'hut1.ndjson');
    const rows = [
      { datastream: 'hut1.logger.air_temperature', time: '2026-01-01T00:00:00Z', value: -3.5 },
      { datastream: 'hut1.logger.air_temperature', time: '2026-01-01T00:01:00Z', value: -3.6 },
      { datastream: 'hut1.logger.air_temperature', time: 'noon', value: -3.7 },
    ];
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = firn(['import', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      format: 'ndjson',
      stored: 2,
      rejected: 1,
      firstRejections: [{ row: 2, error: 'time "noon" is not ISO 8601 with a UTC offset or Z' }],
    });
  });

  it('stops with a clear message on bad configuration or a bad command', () => {
    const badPort = firn(['start'], { FIRN_PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/invalid configuration:\n\s+FIRN_PORT: /);
    const badUrl = firn(['token', 'create', '--station', 'hut1'], { DATABASE_URL: 'mysql://x' });
    expect(badUrl.stderr).toMatch(/DATABASE_URL must start with postgres/);
    const unknown = firn(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "fly"/);
  });
});
