import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import { JobRunner } from '../runner/job-runner';
import { DriverPool } from './drivers/driver-pool';
import { proposalHandler, runCommandHandler } from './operate-handlers';

/** The operate worker (OoD): instrument commands from `jobs.ood`, over each instrument's driver. */
export class OperateWorker {
  private readonly drivers = new DriverPool();
  private readonly runner: JobRunner;

  constructor(options: { db: Database; bus: Bus; logger: Logger; codeVersion?: string }) {
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
  }

  start(): void {
    this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.drivers.close();
  }
}
