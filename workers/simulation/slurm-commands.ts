import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Slurm's client commands, run with argv (never a shell) and the given environment (SLURM_CONF). */
export interface SlurmClient {
  env?: NodeJS.ProcessEnv;
}

export interface SlurmJobState {
  /** PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, … */
  state: string;
  reason: string;
  exitCode: string;
}

// States a job never leaves (slurm.h: JOB_COMPLETE and up, plus the ones scontrol prints).
const finalStates = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
]);

export function isFinal(state: string): boolean {
  return finalStates.has(state);
}

async function run(client: SlurmClient, command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      env: { ...process.env, ...client.env },
      timeout: 30_000,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${command} failed: ${stderr || (error as Error).message}`, { cause: error });
  }
}

/** Submits a batch script with its arguments; `--parsable` prints "<id>" or "<id>;<cluster>". */
export async function sbatch(
  client: SlurmClient,
  options: string[],
  script: string,
  scriptArgs: string[],
): Promise<string> {
  const out = await run(client, 'sbatch', ['--parsable', ...options, script, ...scriptArgs]);
  const id = out.trim().split(';')[0] ?? '';
  if (!/^\d+$/.test(id)) throw new Error(`sbatch printed no job id: ${out.trim()}`);
  return id;
}

/**
 * A job's state from `scontrol show job -o` (one line of Key=Value fields); undefined once
 * slurmctld has forgotten it (MinJobAge after the end, without slurmdbd there is no sacct).
 */
export async function jobState(
  client: SlurmClient,
  jobId: string,
): Promise<SlurmJobState | undefined> {
  let line: string;
  try {
    line = await run(client, 'scontrol', ['show', 'job', '-o', jobId]);
  } catch (error) {
    if (/Invalid job id/i.test((error as Error).message)) return undefined;
    throw error;
  }
  const field = (key: string) => new RegExp(`(?:^|\\s)${key}=(\\S*)`).exec(line)?.[1] ?? '';
  return { state: field('JobState'), reason: field('Reason'), exitCode: field('ExitCode') };
}

export async function scancel(client: SlurmClient, jobId: string): Promise<void> {
  await run(client, 'scancel', [jobId]);
}
