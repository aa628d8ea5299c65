import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import { PeriodicRounds } from '../runner/periodic-rounds';
import { publishPendingJobs } from '../../infra/schedules/queue-occurrence';
import { fireDueSchedules } from './fire-due';

/** Schedules fire on the minute; checking more often than this only costs queries. */
const DEFAULT_INTERVAL_MS = 15_000;

export interface SchedulerOptions {
  db: Database;
  bus: Bus;
  logger: Logger;
  intervalMs?: number;
  now?: () => number;
}

/**
 * Fires due schedules: records each occurrence's job (with the schedule's last and next
 * run, in one transaction), then puts it on its queue. Several schedulers may run against
 * one database (one per desk): job ids derive from the occurrence, so nothing fires twice.
 */
export class Scheduler {
  private readonly rounds: PeriodicRounds;

  constructor(private readonly options: SchedulerOptions) {
    this.rounds = new PeriodicRounds(
      () => this.tick(),
      options.intervalMs ?? DEFAULT_INTERVAL_MS,
      (error) => options.logger.warn({ err: error }, 'scheduler round failed'),
    );
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: fire what is due, publish what is recorded. Exposed for tests. */
  async tick(): Promise<string[]> {
    const { db, bus, logger } = this.options;
    const fired = await fireDueSchedules(db, (this.options.now ?? Date.now)());
    if (fired.length > 0) logger.info({ jobs: fired }, `scheduler: ${fired.length} job(s) due`);
    await publishPendingJobs(db, bus);
    return fired;
  }
}
