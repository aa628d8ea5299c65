import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where bin/firn.js lives. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/firn.js <args>` to completion. */
export function runFirn(
  args: string[],
  env: NodeJS.ProcessEnv,
  /** Written to stdin, which is then closed (e.g. a password for `user add`). */
  input?: string,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/firn.js', ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
  });
}

/**
 * Starts a long-running `node bin/firn.js <args>` and resolves with the first stdout match
 * of `ready` (no fixed sleeps: the server says when it listens). Rejects if the process
 * exits first or takes longer than `timeoutMs`, with its output for the report.
 */
export function startFirn(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> {
  const child = spawn(process.execPath, ['bin/firn.js', ...args], { cwd: repoRoot, env });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`firn ${args.join(' ')} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      output += `${line}\n`;
      const match = ready.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, match, output: () => output });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`firn ${args.join(' ')} exited with ${code} before it was ready:\n${output}`),
      );
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
