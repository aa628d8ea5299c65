import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const firnBin = path.join(repoRoot, 'bin', 'firn.js');

/** Runs a firn command to completion and returns its stdout (for `token create`). */
export function firn(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [firnBin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`firn ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

export interface StationProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `firn start` as its own process (as users run it) and waits for its URL line. */
export async function startStationProcess(env: NodeJS.ProcessEnv): Promise<StationProcess> {
  const child = spawn(process.execPath, [firnBin, 'start'], {
    env: { ...process.env, FIRN_PORT: '0', FIRN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`firn start exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /Firn control room: (http:\/\/[^/\s]+)\//.exec(line);
      if (match) resolve(match[1] as string);
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Starts `firn worker <name>` as its own process and waits until it says it runs. */
export async function startWorkerProcess(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [firnBin, 'worker', name], {
    env: { ...process.env, FIRN_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`firn worker ${name} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith(`Firn worker ${name} running`)) resolve();
    });
  });
  return child;
}

/** Sends bodies with `concurrency` requests in flight; returns the elapsed seconds. */
export async function postAll(
  url: string,
  token: string,
  bodies: string[],
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      const res = await fetch(`${url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
      const answer = (await res.json()) as { accepted?: number; rejected?: unknown[] };
      if (res.status !== 200 || answer.rejected?.length)
        throw new Error(`ingest failed: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}

export function printResult(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result));
}
