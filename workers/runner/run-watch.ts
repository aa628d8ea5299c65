import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';

/** How often a running job's row is read to notice a cancel from the UI or the API. */
const CANCEL_POLL_MS = 1_000;

export interface RunWatch {
  /** Aborts when the job is cancelled or runs out of time; handlers pass it on (to a child process). */
  signal: AbortSignal;
  /** Why the signal aborted, or null while it has not. */
  readonly reason: 'cancelled' | 'timeout' | null;
  stop(): void;
}

/**
 * Watches one attempt of a job: a cancel (the row says `cancelled`, written by whoever
 * cancelled it, on any host) or the attempt's time limit aborts the handler's signal.
 */
export function watchRun(db: Database, jobId: string, timeoutMs: number): RunWatch {
  const controller = new AbortController();
  let reason: RunWatch['reason'] = null;
  const abort = (why: 'cancelled' | 'timeout') => {
    if (reason !== null) return;
    reason = why;
    controller.abort(
      new Error(why === 'timeout' ? `timed out after ${timeoutMs} ms` : 'cancelled'),
    );
  };
  const timeout = setTimeout(() => abort('timeout'), timeoutMs);
  const poll = setInterval(() => {
    void getJob(db, jobId)
      .then((job) => job?.state === 'cancelled' && abort('cancelled'))
      .catch(() => undefined); // a database hiccup: the next poll asks again
  }, CANCEL_POLL_MS);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    stop() {
      clearTimeout(timeout);
      clearInterval(poll);
    },
  };
}
