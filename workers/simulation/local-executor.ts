import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import {
  errorExcerpt,
  modelCommand,
  type ExecutorLimits,
  type ModelExecutor,
  type ModelInput,
} from './model-executor';

export type { ExecutorLimits } from './model-executor';

/**
 * Runs the model in a child process: parameters passed in a file (never through a shell),
 * progress read from its output, killed when it passes the time limit or the signal aborts;
 * the V8 heap limit caps its memory.
 */
export async function runModelLocally(
  input: ModelInput,
  limits: ExecutorLimits,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const jobFile = `${input.resultFile}.input.json`;
  await fs.mkdir(path.dirname(jobFile), { recursive: true });
  await fs.writeFile(jobFile, JSON.stringify(input));
  const [node, ...args] = modelCommand(jobFile, limits.maxMemoryMb);
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  // The start of stderr names the error; the stack that follows matters less.
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(0, 8000)));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const match = /^progress ([\d.]+)$/.exec(line);
    if (match) onProgress(Number(match[1]));
  });
  const kill = () => child.kill('SIGKILL');
  const timer = setTimeout(kill, limits.timeoutMs);
  signal.addEventListener('abort', kill);
  try {
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) {
      const why = signal.aborted
        ? 'cancelled'
        : code === null
          ? `stopped after ${limits.timeoutMs} ms or killed`
          : `exited with ${code}`;
      throw new Error(`model run ${why}: ${errorExcerpt(stderr)}`);
    }
    const output = JSON.parse(await fs.readFile(input.resultFile, 'utf8')) as {
      summary: Record<string, unknown>;
    };
    return output.summary;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', kill);
    await fs.rm(jobFile, { force: true });
  }
}

/** The model in a child process of this worker. */
export const localExecutor: ModelExecutor = { run: runModelLocally };
