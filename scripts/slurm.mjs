#!/usr/bin/env node
// A real single-node Slurm (slurmctld + slurmd, as root, loopback) for tests of the Slurm
// executor. Installs nothing: it needs Debian's munge, slurmctld, slurmd and slurm-client.
//   node scripts/slurm.mjs up [--dir DIR] [--port N]   prints SLURM_CONF=<dir>/slurm.conf last
//   node scripts/slurm.mjs down [--dir DIR]
// Defaults: dir FIRN_SLURM_DIR or <repo>/.firn/slurm, port FIRN_SLURM_PORT or 16817 (slurmctld;
// slurmd on port + 1), so it never collides with a system Slurm on 6817/6818.
// Importable: tests call slurmUp({ dir, port }) and get { conf, env, stop() }.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { slurmPaths, writeConfig } from './slurm-config.mjs';

const startTimeoutMs = 30_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (message) => console.error(`[slurm] ${message}`);

/** munged refuses a key that others can read; Debian's package creates one, else we do. */
function ensureMunge() {
  if (spawnSync('munge', ['-n'], { stdio: 'ignore' }).status === 0) return;
  const key = '/etc/munge/munge.key';
  if (!fs.existsSync(key)) execFileSync('mungekey', ['--create', `--keyfile=${key}`]);
  execFileSync('chown', ['munge:munge', key]);
  fs.chmodSync(key, 0o400);
  fs.mkdirSync('/run/munge', { recursive: true });
  execFileSync('chown', ['munge:munge', '/run/munge']);
  execFileSync('runuser', ['-u', 'munge', '--', 'munged']);
}

function runningPid(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    // A daemon that exited but is not yet reaped (state Z) has stopped all the same.
    const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state && state !== 'Z' ? pid : undefined;
  } catch {
    return undefined;
  }
}

function nodeState({ conf, node }) {
  const sinfo = spawnSync('sinfo', ['-h', '-N', '-n', node, '-o', '%T'], {
    env: { ...process.env, SLURM_CONF: conf },
    encoding: 'utf8',
  });
  return sinfo.status === 0 ? sinfo.stdout.trim() : '';
}

/** Starts slurmctld and slurmd for a folder (or reuses them) and resolves once the node is idle. */
export async function slurmUp(options = {}) {
  const slurm = slurmPaths(options);
  const handle = {
    conf: slurm.conf,
    env: { SLURM_CONF: slurm.conf },
    stop: (more = {}) => slurmDown({ ...options, ...more }),
  };
  ensureMunge();
  if (!runningPid(path.join(slurm.dir, 'slurmctld.pid'))) {
    writeConfig(slurm);
    // -i: ignore state left from an earlier run in this folder (old jobs, old node list).
    execFileSync('slurmctld', ['-f', slurm.conf, '-i']);
  }
  if (!runningPid(path.join(slurm.dir, 'slurmd.pid'))) execFileSync('slurmd', ['-f', slurm.conf]);
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (/^idle|^mixed|^allocated/.test(nodeState(slurm))) return handle;
    await sleep(250);
  }
  const tail = ['slurmctld.log', 'slurmd.log']
    .map((log) =>
      fs.readFileSync(path.join(slurm.dir, log), 'utf8').split('\n').slice(-15).join('\n'),
    )
    .join('\n');
  await slurmDown(options);
  throw new Error(`node ${slurm.node} not idle within ${startTimeoutMs / 1000} s:\n${tail}`);
}

/** Stops the daemons of this folder only (SIGTERM, then SIGKILL after 10 s); munged stays. */
export async function slurmDown(options = {}) {
  const { dir } = slurmPaths(options);
  let stopped = false;
  for (const daemon of ['slurmd', 'slurmctld']) {
    const pidFile = path.join(dir, `${daemon}.pid`);
    const pid = runningPid(pidFile);
    if (!pid) continue;
    stopped = true;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (runningPid(pidFile) && Date.now() < deadline) await sleep(100);
    if (runningPid(pidFile)) process.kill(pid, 'SIGKILL');
  }
  if (options.wipe) fs.rmSync(dir, { recursive: true, force: true });
  return stopped;
}

async function main(argv) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string' }, port: { type: 'string' }, wipe: { type: 'boolean' } },
  });
  const options = { dir: values.dir, port: values.port, wipe: values.wipe };
  if (positionals[0] === 'up') {
    console.log(`SLURM_CONF=${(await slurmUp(options)).conf}`);
  } else if (positionals[0] === 'down') {
    say((await slurmDown(options)) ? 'stopped' : 'was not running');
  } else {
    console.error('usage: node scripts/slurm.mjs up|down [--wipe] [--dir DIR] [--port N]');
    return 2;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (exitCode) => (process.exitCode = exitCode),
    (error) => {
      console.error(`[slurm] ${error.message}`);
      process.exitCode = 1;
    },
  );
}
