import { hostname } from 'node:os';
import type { z } from 'zod';
import {
  finishedJobStates,
  jobRequestSchema,
  type JobEvent,
  type JobQueue,
} from '../../core/contracts/jobs';
import {
  decodeMessage,
  encodeMessage,
  type envelopeMessageSchema,
} from '../../core/contracts/topics';
import { subscribeInBackground } from '../../infra/bus/background-subscription';
import { sendToDeadLetter } from '../../infra/bus/dead-letter';
import type { Bus, ConsumedMessage, Subscription } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import {
  appendJobLog,
  applyJobEvent,
  getJob,
  insertJob,
  markRunning,
} from '../../infra/jobs/job-store';
import type { Logger } from '../../infra/logger';
import { PermanentJobError, type JobHandler } from './job-handler';
import { watchRun } from './run-watch';

type EnvelopeMessage = z.infer<typeof envelopeMessageSchema>;

const DEFAULT_TIMEOUT_MS = 60 * 60_000;

export interface JobRunnerOptions {
  db: Database;
  bus: Bus;
  queue: JobQueue;
  handlers: JobHandler[];
  logger: Logger;
  /** Attempts before a job fails for good and goes to dead-letter. */
  maxAttempts?: number;
  /** An attempt running longer is aborted and counts as failed (retried while attempts remain). */
  timeoutMs?: number;
  /** Stored with each result as provenance. */
  codeVersion?: string;
}

/**
 * Runs the jobs of one queue. The offset is committed only after a job's outcome is
 * stored, so a crash redelivers it; a finished job is never run again (ids are
 * deterministic, effects idempotent); a job that keeps failing ends in `dead-letter`.
 */
export class JobRunner {
  private subscription: Subscription | undefined;
  private readonly handlers: Map<string, JobHandler>;

  constructor(private readonly options: JobRunnerOptions) {
    this.handlers = new Map(options.handlers.map((h) => [h.type, h]));
  }

  start(): void {
    const { logger } = this.options;
    this.subscription = subscribeInBackground(
      this.options.bus,
      {
        groupId: `worker-${this.options.queue}`,
        topics: [this.options.queue],
        fromBeginning: true,
        eachBatch: async ({ messages }) => {
          for (const message of messages) await this.handle(message);
        },
      },
      (level, message, details) =>
        logger[level](details ?? {}, `${this.options.queue} runner: ${message}`),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private async handle(message: ConsumedMessage): Promise<void> {
    const decoded = decodeMessage(this.options.queue, message.value);
    // The queue topics carry the envelope (validated by decodeMessage) around a job request.
    const envelope = decoded.ok ? (decoded.message as EnvelopeMessage) : undefined;
    const request = envelope ? jobRequestSchema.safeParse(envelope.payload) : undefined;
    if (!envelope || !request?.success) {
      await this.deadLetter(message, decoded.ok ? String(request?.error?.message) : decoded.error);
      return;
    }
    const id = envelope.id;
    await insertJob(this.options.db, id, request.data); // the submitter may have been a plain Kafka client
    const job = await getJob(this.options.db, id);
    if (!job || finishedJobStates.includes(job.state)) return;
    const handler = this.handlers.get(job.type);
    const attempt = await markRunning(this.options.db, id);
    if (attempt === null) return; // cancelled meanwhile
    await this.event({
      jobId: id,
      state: 'running',
      progress: 0,
      message: `attempt ${attempt}`,
      result: null,
    });
    const watch = watchRun(this.options.db, id, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      if (!handler)
        throw new PermanentJobError(
          `no handler for job type "${job.type}" on ${this.options.queue}`,
        );
      const output = await handler.run(job, this.context(id, watch.signal));
      if (watch.reason === 'cancelled') return;
      // What made this result, next to it: the code, the host and the attempt.
      const provenance = {
        codeVersion: this.options.codeVersion ?? 'unknown',
        host: hostname(),
        attempt,
      };
      const result = { ...output, provenance };
      await this.event({ jobId: id, state: 'succeeded', progress: 1, message: null, result });
    } catch (error) {
      // A cancel is the user's decision: the row already says so, nothing is retried.
      if (watch.reason === 'cancelled') return;
      const reason = (error as Error).message;
      await appendJobLog(this.options.db, id, 'error', reason);
      const permanent = error instanceof PermanentJobError;
      if (!permanent && attempt < (this.options.maxAttempts ?? 3)) throw error; // redelivered after a backoff
      await this.event(
        { jobId: id, state: 'failed', progress: null, message: reason, result: null },
        reason,
      );
      await this.deadLetter(message, reason);
    } finally {
      watch.stop();
    }
  }

  private context(jobId: string, signal: AbortSignal) {
    return {
      signal,
      progress: (fraction: number, message?: string) =>
        this.event({
          jobId,
          state: 'running',
          progress: Math.max(0, Math.min(1, fraction)),
          message: message ?? null,
          result: null,
        }),
      log: (level: 'info' | 'warn' | 'error', text: string) =>
        appendJobLog(this.options.db, jobId, level, text),
    };
  }

  /** Stores the event on the job's row, then tells everyone on `job-events`. */
  private async event(event: JobEvent, error: string | null = null): Promise<void> {
    await applyJobEvent(this.options.db, event, error);
    const value = encodeMessage('job-events', {
      v: 1,
      id: `${event.jobId}:${event.state}:${Date.now()}`,
      type: `job.${event.state}`,
      at: new Date().toISOString(),
      payload: event,
    });
    await this.options.bus.publish('job-events', [{ key: event.jobId, value }]);
  }

  private async deadLetter(message: ConsumedMessage, error: string): Promise<void> {
    this.options.logger.warn(
      { topic: message.topic, offset: message.offset, error },
      'job to dead-letter',
    );
    await sendToDeadLetter(this.options.bus, [{ message, error }]);
  }
}
