import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  errorExcerpt,
  lastProgress,
  modelCommand,
  type ExecutorLimits,
  type ModelExecutor,
  type ModelInput,
} from './model-executor';
import { isFinal, jobState, sbatch, scancel, type SlurmJobState } from './slurm-commands';

export interface SlurmExecutorOptions {
  /** A folder every node sees at the same path (under FIRN_DATA_DIR): inputs, outputs, script. */
  jobsDir: string;
  partition?: string;
  /** Extra environment for sbatch/scontrol/scancel, e.g. SLURM_CONF. */
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
}

// Fixed content: the model's command comes as sbatch's script arguments, so nothing from a
// job's parameters is ever read by a shell.
const batchScript =
  '#!/bin/sh\n# Firn model run: the command is this script\'s arguments.\nexec "$@"\n';
// Node needs memory beyond the V8 heap (code, buffers); the job's --mem covers both.
const nodeOverheadMb = 256;
const maxPollFailures = 10;

/**
 * Runs the model as a Slurm batch job: the same run-model.ts entry as the local executor,
 * submitted with sbatch, followed with `scontrol show job` (no slurmdbd needed), progress
 * read from the job's output file, scancel on abort. Slurm enforces --time and --mem.
 */
export class SlurmExecutor implements ModelExecutor {
  constructor(private readonly options: SlurmExecutorOptions) {}

  async run(
    input: ModelInput,
    limits: ExecutorLimits,
    onProgress: (fraction: number) => void,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    if (signal.aborted) throw new Error('model run cancelled before it was submitted');
    const client = { env: this.options.env };
    await fs.mkdir(this.options.jobsDir, { recursive: true });
    const jobDir = await fs.mkdtemp(path.join(this.options.jobsDir, 'model-'));
    const at = (name: string) => path.join(jobDir, name);
    await fs.writeFile(at('input.json'), JSON.stringify(input));
    await fs.writeFile(at('run.sh'), batchScript, { mode: 0o755 });
    const heapMb = Math.max(64, limits.maxMemoryMb - nodeOverheadMb);
    const jobId = await sbatch(
      client,
      [
        '--job-name=firn-model',
        `--chdir=${jobDir}`,
        `--output=${at('out.txt')}`,
        `--error=${at('err.txt')}`,
        '--nodes=1',
        '--ntasks=1',
        `--time=${Math.max(1, Math.ceil(limits.timeoutMs / 60_000))}`,
        `--mem=${limits.maxMemoryMb}M`,
        // The job runner retries failed attempts itself; a requeued job would run twice.
        '--no-requeue',
        ...(this.options.partition ? [`--partition=${this.options.partition}`] : []),
      ],
      at('run.sh'),
      modelCommand(at('input.json'), heapMb),
    ).catch(async (error: unknown) => {
      await fs.rm(jobDir, { recursive: true, force: true });
      throw error;
    });
    const cancel = () => void scancel(client, jobId).catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    if (signal.aborted) cancel();
    let job: SlurmJobState | undefined;
    try {
      job = await this.follow(jobId, at('out.txt'), onProgress);
      if (job?.state === 'COMPLETED' || (!job && (await this.printedDone(at('out.txt'))))) {
        const output = JSON.parse(await fs.readFile(input.resultFile, 'utf8')) as {
          summary: Record<string, unknown>;
        };
        return output.summary;
      }
      const stderr = await fs.readFile(at('err.txt'), 'utf8').catch(() => '');
      const why = signal.aborted ? 'cancelled' : 'failed';
      const state = job ? `${job.state} (reason ${job.reason}, exit ${job.exitCode})` : 'vanished';
      const tail = errorExcerpt(stderr);
      throw new Error(`model run ${why}: slurm job ${jobId} ${state}${tail ? `: ${tail}` : ''}`);
    } finally {
      signal.removeEventListener('abort', cancel);
      // Never leave a job running on the cluster once this attempt is over.
      if (job === undefined || !isFinal(job.state)) cancel();
      await fs.rm(jobDir, { recursive: true, force: true });
    }
  }

  /** Polls until the job ends (or slurmctld forgets it), reporting progress on the way. */
  private async follow(
    jobId: string,
    outFile: string,
    onProgress: (fraction: number) => void,
  ): Promise<SlurmJobState | undefined> {
    let failures = 0;
    let reported = 0;
    for (;;) {
      await sleep(this.options.pollMs ?? 1000);
      const progress = lastProgress(await fs.readFile(outFile, 'utf8').catch(() => ''));
      if (progress !== undefined && progress > reported) onProgress((reported = progress));
      try {
        const job = await jobState({ env: this.options.env }, jobId);
        if (!job || isFinal(job.state)) return job;
        failures = 0;
      } catch (error) {
        // A restarting slurmctld does not answer for a while; the job goes on meanwhile.
        if (++failures >= maxPollFailures) throw error;
      }
    }
  }

  private async printedDone(outFile: string): Promise<boolean> {
    return /^done$/m.test(await fs.readFile(outFile, 'utf8').catch(() => ''));
  }
}
