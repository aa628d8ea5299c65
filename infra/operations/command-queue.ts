import { deterministicId, type JobRequest } from '../../core/contracts/jobs';
import { encodeMessage } from '../../core/contracts/topics';
import type { Bus } from '../bus/types';
import type { Queryable } from '../db/types';
import { insertJob } from '../jobs/job-store';

// An approved command reaches the operate worker as a `run-command` job on jobs.ood. The
// job's row is written in the transaction that approves (so an approved command always has
// one), and published after the commit. When the bus is away then, the row stays `queued`
// and the operate worker's sweep publishes it again (unpublishedRuns); a second delivery
// is harmless, the executor never sends a command twice.

export interface RunJob {
  id: string;
  request: JobRequest;
}

export const runJobId = (commandId: string) => deterministicId('run', commandId);

/** Records the run job of an approved command in the caller's transaction. */
export async function recordRunJob(
  tx: Queryable,
  command: { id: string; ruleId: string | null },
  user: string,
): Promise<RunJob> {
  const job: RunJob = {
    id: runJobId(command.id),
    request: {
      queue: 'jobs.ood',
      type: 'run-command',
      params: { commandId: command.id },
      origin: { user, ...(command.ruleId ? { ruleId: command.ruleId } : {}) },
    },
  };
  await insertJob(tx, job.id, job.request);
  return job;
}

/** Puts run jobs on jobs.ood; rejects when the bus does (the sweep tries again). */
export async function publishRunJobs(bus: Bus, jobs: readonly RunJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await bus.publish(
    'jobs.ood',
    jobs.map((job) => ({
      key: job.id,
      value: encodeMessage('jobs.ood', {
        v: 1,
        id: job.id,
        type: job.request.type,
        at: new Date().toISOString(),
        payload: job.request,
      }),
    })),
  );
}

/**
 * Run jobs of approved commands that no worker has started, recorded before `beforeMs`:
 * their publication was lost (bus away at approval) or they still wait behind others.
 */
export async function unstartedRuns(db: Queryable, beforeMs: number): Promise<RunJob[]> {
  const { rows } = await db.query<{
    id: string;
    params: Record<string, unknown>;
    origin: JobRequest['origin'];
  }>(
    `SELECT j.id, j.params, j.origin FROM jobs j
       JOIN commands c ON c.id = j.params->>'commandId'
     WHERE j.queue = 'jobs.ood' AND j.type = 'run-command' AND j.state = 'queued'
       AND c.state = 'approved' AND j.created_at < $1
     ORDER BY j.created_at, j.id LIMIT 500`,
    [new Date(beforeMs)],
  );
  return rows.map((row) => ({
    id: row.id,
    request: { queue: 'jobs.ood', type: 'run-command', params: row.params, origin: row.origin },
  }));
}
