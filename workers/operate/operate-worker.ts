import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import { JobRunner } from '../runner/job-runner';
import { WORKER_ACTOR, type ExecutorDeps } from './command-executor';
import { CommandTicker } from './command-ticker';
import { DriverPool } from './drivers/driver-pool';
import { proposalHandler, runCommandHandler } from './operate-handlers';

/** The operate worker (OoD): instrument commands from `jobs.ood`, over each instrument's driver. */
export class OperateWorker {
  private readonly drivers: ExecutorDeps['drivers'] & { close?(): Promise<void> };
  private readonly runner: JobRunner;
  private readonly ticker: CommandTicker;

  constructor(options: {
    db: Database;
    bus: Bus;
    logger: Logger;
    codeVersion?: string;
    /** The instruments' links; tests give a recording one. */
    drivers?: ExecutorDeps['drivers'];
    /** How often scheduled commands are released and lost run jobs published again. */
    tickMs?: number;
    /** How long an approved command's run job may stay unstarted before it is published again. */
    staleMs?: number;
  }) {
    this.drivers = options.drivers ?? new DriverPool();
    const deps = { db: options.db, drivers: this.drivers };
    this.runner = new JobRunner({
      db: options.db,
      bus: options.bus,
      queue: 'jobs.ood',
      handlers: [proposalHandler(deps), runCommandHandler(deps)],
      logger: options.logger,
      codeVersion: options.codeVersion,
      // A command is never retried by sending again; a failed attempt is one that could not
      // even record its outcome, and its redelivery only waits for the answer.
      maxAttempts: 3,
    });
    this.ticker = new CommandTicker({
      db: options.db,
      bus: options.bus,
      logger: options.logger,
      actor: WORKER_ACTOR,
      intervalMs: options.tickMs,
      staleMs: options.staleMs,
    });
  }

  start(): void {
    this.runner.start();
    this.ticker.start();
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
    await this.runner.stop();
    await this.drivers.close?.();
  }
}
