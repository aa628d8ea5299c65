import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import { PeriodicRounds } from '../runner/periodic-rounds';
import { publishRunJobs, unstartedRuns } from '../../infra/operations/command-queue';
import { releaseDueCommands, type Release } from '../../infra/operations/command-release';

/** A scheduled command runs at most this late; a query of a small partial index each time. */
const DEFAULT_INTERVAL_MS = 5_000;
/** A run job still unstarted this long after its approval is published again. */
const DEFAULT_STALE_MS = 10_000;

export interface CommandTickerOptions {
  db: Database;
  bus: Bus;
  logger: Logger;
  actor: string;
  intervalMs?: number;
  staleMs?: number;
  now?: () => number;
}

/**
 * The operate worker's clock, on start and every few seconds: releases scheduled commands
 * whose time has come, and publishes again the run jobs of approved commands that never
 * reached jobs.ood (the bus was away at approval). Several workers may tick on one
 * database: releases are split by row locks, and a job delivered twice runs once.
 */
export class CommandTicker {
  private readonly rounds: PeriodicRounds;

  constructor(private readonly options: CommandTickerOptions) {
    this.rounds = new PeriodicRounds(
      () => this.tick(),
      options.intervalMs ?? DEFAULT_INTERVAL_MS,
      (error) => options.logger.warn({ err: error }, 'operate tick failed'),
    );
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round; exposed for tests. Publishing failures are left for the next round. */
  async tick(): Promise<{ released: Release[]; republished: number }> {
    const { db, bus, logger, actor } = this.options;
    const nowMs = (this.options.now ?? Date.now)();
    const { released, runs } = await releaseDueCommands(db, nowMs, actor);
    if (released.length > 0) logger.info({ released }, `operate: ${released.length} released`);
    // Recorded in the release's transaction; if this publish fails the sweep finds them.
    await publishRunJobs(bus, runs).catch((error: Error) =>
      logger.warn({ err: error }, 'operate: publishing released commands failed'),
    );
    const stale = await unstartedRuns(db, nowMs - (this.options.staleMs ?? DEFAULT_STALE_MS));
    const fresh = new Set(runs.map((r) => r.id));
    const again = stale.filter((r) => !fresh.has(r.id));
    if (again.length > 0) {
      await publishRunJobs(bus, again);
      logger.info({ jobs: again.map((r) => r.id) }, `operate: ${again.length} run job(s) again`);
    }
    return { released, republished: again.length };
  }
}
