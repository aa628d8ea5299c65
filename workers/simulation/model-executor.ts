import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExecutorLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/** What run-model.ts reads: the model's parameters, the wind series and where to write. */
export interface ModelInput {
  model: unknown;
  wind: unknown;
  resultFile: string;
}

/**
 * Where a model run happens: on this machine (local-executor.ts) or on a cluster
 * (slurm-executor.ts). Both run run-model.ts, so a seed gives the same result file on
 * either; both reject with the reason when the run fails, times out or is cancelled.
 */
export interface ModelExecutor {
  run(
    input: ModelInput,
    limits: ExecutorLimits,
    onProgress: (fraction: number) => void,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>>;
}

const runModel = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-model.ts');
// The model runs TypeScript through tsx, found from here rather than from the working folder.
const tsxLoader = import.meta.resolve('tsx');

/**
 * The model's command line as argv (never a shell string): node with a V8 heap cap, tsx and
 * the job file. Shared by both executors so they run exactly the same entry point.
 */
export function modelCommand(jobFile: string, heapMb: number): [string, ...string[]] {
  return [
    process.execPath,
    `--max-old-space-size=${heapMb}`,
    '--import',
    tsxLoader,
    runModel,
    jobFile,
  ];
}

/** The last "progress 0.35" line of the model's output, if any. */
export function lastProgress(output: string): number | undefined {
  const matches = [...output.matchAll(/^progress ([\d.]+)$/gm)];
  const last = matches.at(-1);
  return last ? Number(last[1]) : undefined;
}

/**
 * The telling part of the model's stderr for an error message: from the first line naming
 * an error (a Node stack ends with frames and "Node.js vX", which say nothing), 300 chars.
 */
export function errorExcerpt(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('Node.js v'));
  const first = lines.findIndex((line) => /error/i.test(line));
  return lines
    .slice(first >= 0 ? first : -3)
    .join(' ')
    .slice(0, 300);
}
