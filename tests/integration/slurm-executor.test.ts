// The Slurm executor against a real single-node Slurm (scripts/slurm.mjs: munge, slurmctld,
// slurmd as root): the same seed gives the same result file as the local executor, a failing
// model is reported with Slurm's state, and an abort scancels the job.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localExecutor } from '../../workers/simulation/local-executor';
import type { ModelInput } from '../../workers/simulation/model-executor';
import { jobState } from '../../workers/simulation/slurm-commands';
import { SlurmExecutor } from '../../workers/simulation/slurm-executor';
import { freePortPair } from '../support/ports';

interface RunningSlurm {
  env: { SLURM_CONF: string };
  stop(options?: { wipe?: boolean }): Promise<boolean>;
}
// Plain JS (no allowJs): imported through a URL, its shape declared above.
const slurmScriptUrl = new URL('../../scripts/slurm.mjs', import.meta.url).href;
const loadSlurmScript = () =>
  import(slurmScriptUrl) as Promise<{
    slurmUp(options: { dir: string; port: number }): Promise<RunningSlurm>;
  }>;

const onPath = (command: string) => spawnSync('which', [command]).status === 0;
const slurmInstalled = ['sbatch', 'slurmctld', 'slurmd', 'munged'].every(onPath);
const canRun = slurmInstalled && process.getuid?.() === 0;
if (!canRun) {
  console.warn(
    'slurm-executor.test.ts skipped: needs root and Debian packages munge, slurmctld, slurmd, slurm-client',
  );
}

const HOUR = 3_600_000;
const START = Date.UTC(2017, 2, 4);
const limits = { timeoutMs: 5 * 60_000, maxMemoryMb: 1024 };

/** A backward run on a steady 8 m/s southerly, sampled every 10 minutes for two days. */
function modelInput(resultFile: string, particleCount: number, durationHours: number): ModelInput {
  const timesMs = Array.from({ length: 289 }, (_, i) => START + i * 600_000);
  const releaseEnd = START + (durationHours + 1) * HOUR;
  return {
    resultFile,
    wind: { timesMs, speed: timesMs.map(() => 8), directionDeg: timesMs.map(() => 180) },
    model: {
      durationHours,
      particleCount,
      seed: 7,
      station: { latitude: 47.011, longitude: 11.479 },
      releaseBox: { west: 11.47, east: 11.49, south: 47.005, north: 47.015, bottom: 0, top: 100 },
      releaseStart: releaseEnd - HOUR,
      releaseEnd,
      grid: { extentKm: 400, resolutionKm: 5, groundLayerHeightM: 100 },
    },
  };
}

describe.skipIf(!canRun)('the Slurm executor on a real single-node Slurm', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firn-slurm-'));
  let slurm: RunningSlurm;
  let executor: SlurmExecutor;

  beforeAll(async () => {
    const { slurmUp } = await loadSlurmScript();
    slurm = await slurmUp({ dir: path.join(dir, 'slurm'), port: await freePortPair() });
    executor = new SlurmExecutor({ jobsDir: path.join(dir, 'jobs'), env: slurm.env, pollMs: 200 });
  });
  afterAll(async () => {
    await slurm?.stop({ wipe: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same result file as the local executor for the same seed', async () => {
    const never = new AbortController().signal;
    const local = path.join(dir, 'results', 'local.json');
    const onSlurm = path.join(dir, 'results', 'slurm.json');
    const progress: number[] = [];
    const expected = await localExecutor.run(modelInput(local, 3000, 6), limits, () => {}, never);
    const summary = await executor.run(
      modelInput(onSlurm, 3000, 6),
      limits,
      (fraction) => progress.push(fraction),
      never,
    );
    expect(summary).toEqual(expected);
    expect(summary).toMatchObject({ particles: { released: 3000 } });
    expect(readFileSync(onSlurm, 'utf8')).toBe(readFileSync(local, 'utf8'));
    expect(progress.at(-1)).toBe(1);
  });

  it('reports a failing model with the Slurm state and its error output', async () => {
    const input = { ...modelInput(path.join(dir, 'results', 'bad.json'), 10, 1), model: {} };
    await expect(
      executor.run(input, limits, () => {}, new AbortController().signal),
    ).rejects.toThrow(
      /model run failed: slurm job \d+ FAILED \(reason NonZeroExitCode, exit 1:0\): ZodError/,
    );
  });

  it('scancels the job when the signal aborts', async () => {
    const abort = new AbortController();
    const input = modelInput(path.join(dir, 'results', 'long.json'), 50_000, 40);
    let started = false;
    const run = executor.run(input, limits, () => (started = true), abort.signal);
    await expect.poll(() => started, { timeout: 30_000, interval: 100 }).toBe(true);
    abort.abort();
    const error = await run.then(
      () => new Error('the run was not cancelled'),
      (reason: Error) => reason,
    );
    const jobId = /slurm job (\d+) CANCELLED/.exec(error.message)?.[1];
    expect(error.message).toMatch(/^model run cancelled: slurm job \d+ CANCELLED/);
    expect((await jobState({ env: slurm.env }, jobId ?? ''))?.state).toBe('CANCELLED');
  });
});
