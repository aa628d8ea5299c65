import type { Database } from '../../infra/db/types';
import { runClient, type ClientTally } from './load';
import type { SoakEnvironment } from './soak-station';
import type { Workload } from './workload';
import { DATASTREAMS_PER_CLIENT } from './workload';

const PROGRESS_EVERY_MS = 10_000;

/**
 * Runs the clients for `runMs` and prints progress every 10 s (acknowledged rate, the
 * clients' own backlog while the server is down, the outbox backlog); returns the samples
 * acknowledged per client.
 */
export async function runLoad(
  workload: Workload,
  environment: SoakEnvironment,
  runMs: number,
  db: Database,
): Promise<number[]> {
  const tallies: ClientTally[] = Array.from({ length: workload.clients }, () => ({
    acked: 0,
    requests: 0,
    failedRequests: 0,
    behind: 0,
  }));
  const target = { url: environment.url, token: environment.token };
  const until = workload.startMs + runMs;
  let lastAcked = 0;
  const progress = setInterval(() => {
    const acked = tallies.reduce((sum, t) => sum + t.acked, 0) * DATASTREAMS_PER_CLIENT;
    const behind = tallies.reduce((sum, t) => sum + t.behind, 0) * DATASTREAMS_PER_CLIENT;
    const failed = tallies.reduce((sum, t) => sum + t.failedRequests, 0);
    const elapsed = Math.round((Date.now() - workload.startMs) / 1000);
    const rate = Math.round(((acked - lastAcked) * 1000) / PROGRESS_EVERY_MS);
    lastAcked = acked;
    void db
      .query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')
      .then(({ rows }) => rows[0]?.n ?? 0)
      .catch(() => 'database unreachable')
      .then((outbox) =>
        console.error(
          `[soak] ${elapsed}/${runMs / 1000} s: ${acked} acknowledged ` +
            `(${rate}/s), ` +
            `${behind} waiting at the clients, outbox batches ${outbox}, failed requests ${failed}`,
        ),
      );
  }, PROGRESS_EVERY_MS);
  try {
    await Promise.all(tallies.map((tally, c) => runClient(c, workload, target, until, tally)));
  } finally {
    clearInterval(progress);
  }
  return tallies.map((t) => t.acked);
}
