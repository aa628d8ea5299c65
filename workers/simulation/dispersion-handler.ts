import path from 'node:path';
import { z } from 'zod';
import { dispersionParametersSchema } from '../../core/simulation/index';
import type { Database } from '../../infra/db/types';
import { PermanentJobError, type JobHandler } from '../runner/job-handler';
import { localExecutor } from './local-executor';
import type { ExecutorLimits, ModelExecutor } from './model-executor';
import { windFromStore } from './wind-from-store';

const HOUR_MS = 3_600_000;

/** A backward-dispersion job: the model's parameters and the datastreams of the measured wind. */
export const dispersionJobSchema = z.object({
  model: dispersionParametersSchema,
  wind: z.object({ speed: z.string(), direction: z.string() }),
});

/**
 * `backward-dispersion` jobs on jobs.cod: the built-in Lagrangian model driven by the
 * station's measured wind, run by an executor (a child process, or a Slurm batch job). The
 * footprint grid and trajectories go to a results file (too large for a row); the job's
 * result keeps the summary and the file's name.
 */
export function dispersionHandler(
  db: Database,
  resultsDir: string,
  limits: ExecutorLimits = { timeoutMs: 15 * 60_000, maxMemoryMb: 2048 },
  executor: ModelExecutor = localExecutor,
): JobHandler {
  return {
    type: 'backward-dispersion',
    async run(job, context) {
      const parsed = dispersionJobSchema.safeParse(job.params);
      if (!parsed.success)
        throw new PermanentJobError(`bad parameters: ${z.prettifyError(parsed.error)}`);
      const { model, wind } = parsed.data;
      const span = model.durationHours * HOUR_MS;
      const from = model.direction === 'backward' ? model.releaseEnd - span : model.releaseStart;
      const series = await windFromStore(db, wind, from - HOUR_MS, from + span + HOUR_MS);
      if (series.timesMs.length < 2) {
        throw new PermanentJobError(
          `no measured wind in ${wind.speed} / ${wind.direction} for the run`,
        );
      }
      await context.log(
        'info',
        `${series.timesMs.length} wind samples, ${model.particleCount} particles`,
      );
      const resultFile = path.join(resultsDir, `${job.id}.json`);
      let reported = 0;
      const summary = await executor.run(
        { model, wind: series, resultFile },
        limits,
        (fraction) => {
          if (fraction - reported < 0.1 && fraction < 1) return;
          reported = fraction;
          void context.progress(fraction * 0.99);
        },
        context.signal,
      );
      return { ...summary, file: resultFile, windSamples: series.timesMs.length };
    },
  };
}
