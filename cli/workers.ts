import path from 'node:path';
import nodemailer from 'nodemailer';
import type { AlertEvent } from '../core/rules/index';
import type { Bus } from '../infra/bus/types';
import { Analyzer } from '../workers/analyzer/analyzer';
import { notifyHandler } from '../workers/notify/notify-handler';
import { dailyReportHandler } from '../workers/report/daily-report-handler';
import { evaluationHandler } from '../workers/report/evaluation-handler';
import { OutboxRelay } from '../workers/relay/outbox-relay';
import { Scheduler } from '../workers/scheduler/scheduler';
import { dispersionHandler } from '../workers/simulation/dispersion-handler';
import { localExecutor } from '../workers/simulation/local-executor';
import { SlurmExecutor } from '../workers/simulation/slurm-executor';
import { JobRunner } from '../workers/runner/job-runner';
import { OperateWorker } from '../workers/operate/operate-worker';
import { version, type Context } from './context';

/** A worker that runs until stopped. */
export interface Worker {
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

export const workerNames = [
  'relay',
  'analyzer',
  'notify',
  'simulation',
  'scheduler',
  'operate',
] as const;
export type WorkerName = (typeof workerNames)[number];

export interface WorkerHooks {
  /** New alert events from an analyzer in this process (the server's live socket). */
  onAlertEvents?: (events: readonly AlertEvent[]) => void;
}

/** Builds one worker of the station by name, on the given bus. */
export function createWorker(
  name: WorkerName,
  { config, db, logger }: Context,
  bus: Bus,
  hooks: WorkerHooks = {},
): Worker {
  if (name === 'relay') return new OutboxRelay({ db, bus, logger });
  if (name === 'scheduler') return new Scheduler({ db, bus, logger });
  if (name === 'analyzer') return new Analyzer({ db, bus, logger, onEvents: hooks.onAlertEvents });
  if (name === 'operate') return new OperateWorker({ db, bus, logger, codeVersion: version });
  if (name === 'simulation') {
    // Slurm jobs read their input from and write their result to the data folder, which
    // must therefore be shared with the cluster's nodes.
    const executor =
      config.simulationExecutor === 'slurm'
        ? new SlurmExecutor({ jobsDir: path.join(config.dataDir, 'slurm-jobs') })
        : localExecutor;
    const handler = dispersionHandler(
      db,
      path.join(config.dataDir, 'results'),
      undefined,
      executor,
    );
    return new JobRunner({
      db,
      bus,
      queue: 'jobs.cod',
      handlers: [handler],
      logger,
      codeVersion: version,
    });
  }
  const mail = config.smtpUrl
    ? { transport: nodemailer.createTransport(config.smtpUrl), from: config.smtpFrom }
    : undefined;
  return new JobRunner({
    db,
    bus,
    queue: 'jobs.sod',
    handlers: [
      notifyHandler(db, { mail }, { publicUrl: config.publicUrl }),
      dailyReportHandler(db),
      evaluationHandler(db),
    ],
    logger,
    codeVersion: version,
  });
}
