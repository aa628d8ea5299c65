import type { JobRow } from '../../infra/jobs/job-store';

/** What a handler may do while it runs: report progress, write to the job's log, notice cancel. */
export interface JobContext {
  progress(fraction: number, message?: string): Promise<void>;
  log(level: 'info' | 'warn' | 'error', message: string): Promise<void>;
  signal: AbortSignal;
}

/** Runs jobs of one type; its result is stored with the job and shown in the UI. */
export interface JobHandler {
  type: string;
  run(job: JobRow, context: JobContext): Promise<Record<string, unknown>>;
}

/** A failure that retrying cannot fix (bad parameters): the job fails at once, no retry. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
