import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';

const DRAIN_TIMEOUT_MS = 180_000;

/** What is still on its way: the outbox, the consumers' lag, jobs not yet finished. */
export async function backlog(db: Database, bus: Bus) {
  const { rows } = await db.query<{ outbox: number; jobs: number }>(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS outbox,
       (SELECT count(*) FROM jobs WHERE state IN ('queued', 'running'))::int AS jobs`,
  );
  const analyzerLag = await bus.lag('analyzer', ['observations']);
  const notifyLag = await bus.lag('worker-jobs.sod', ['jobs.sod']);
  const operateLag = await bus.lag('worker-jobs.ood', ['jobs.ood']);
  return {
    outbox: rows[0]?.outbox ?? 0,
    jobs: rows[0]?.jobs ?? 0,
    analyzerLag,
    notifyLag,
    operateLag,
  };
}

/**
 * Waits until everything acknowledged has gone all the way through: nothing in the outbox,
 * no consumer behind, no job waiting, twice in a row a second apart (a job queued by the
 * analyzer's last batch shows only after its commit). Prints progress while it drains.
 */
export async function waitForDrain(db: Database, bus: Bus): Promise<number> {
  const started = Date.now();
  let quietChecks = 0;
  while (quietChecks < 2) {
    if (Date.now() - started > DRAIN_TIMEOUT_MS) {
      const stuck = await db.query(
        `SELECT id, type, state, attempts, created_at, started_at FROM jobs
         WHERE state IN ('queued', 'running') LIMIT 10`,
      );
      console.error(`[soak] jobs never finished: ${JSON.stringify(stuck.rows)}`);
      throw new Error(
        `not drained after ${DRAIN_TIMEOUT_MS / 1000} s: ${JSON.stringify(await backlog(db, bus))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const left = await backlog(db, bus).catch(() => undefined);
    const quiet =
      left && left.outbox + left.jobs + left.analyzerLag + left.notifyLag + left.operateLag === 0;
    quietChecks = quiet ? quietChecks + 1 : 0;
    if (left && !quiet) console.error(`[soak] draining: ${JSON.stringify(left)}`);
  }
  return Date.now() - started;
}
