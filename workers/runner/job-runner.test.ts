import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deterministicId, type JobRequest } from '../../core/contracts/jobs';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus, ConsumedMessage, Subscription } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { cancelJob, getJob, jobLogs } from '../../infra/jobs/job-store';
import { submitJob } from '../../infra/jobs/submit-job';
import { createLogger } from '../../infra/logger';
import { backends } from '../../tests/support/backends';
import type { JobHandler } from './job-handler';
import { JobRunner } from './job-runner';

const subjects = [
  { name: 'embedded log on PGlite', backend: backends[1]!, kafka: false },
  { name: 'Kafka with PostgreSQL', backend: backends[0]!, kafka: true },
];

describe.each(subjects)('job runner on $name', ({ backend, kafka }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let bus: Bus;
  let runner: JobRunner;
  let watch: Subscription;
  const events: ConsumedMessage[] = [];
  const calls = new Map<string, number>();
  const failuresLeft = new Map<string, number>();
  const prefix = `jobs-${Date.now()}-${Math.floor(Math.random() * 1e6)}.`;

  const echo: JobHandler = {
    type: 'echo',
    async run(job, context) {
      calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
      const left = failuresLeft.get(job.id) ?? 0;
      if (left > 0) {
        failuresLeft.set(job.id, left - 1);
        throw new Error('cluster busy');
      }
      await context.progress(0.5, 'half way');
      await context.log('info', 'computed');
      return { echoed: job.params.text };
    },
  };
  /** Runs until its signal aborts (a cancel or the time limit), like a simulation would. */
  const slow: JobHandler = {
    type: 'slow',
    async run(job, context) {
      calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
      await context.progress(0.1, 'started');
      await new Promise((_, reject) =>
        context.signal.addEventListener('abort', () => reject(context.signal.reason as Error)),
      );
      return {};
    },
  };
  const request = (text: string, type = 'echo'): JobRequest => ({
    queue: 'jobs.sod',
    type,
    params: { text },
    origin: {},
  });
  const finished = async (id: string) => (await getJob(db, id))?.state;

  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
    bus = await openBus({
      db,
      topicPrefix: prefix,
      ...(kafka ? { kafkaBrokers: inject('kafkaBrokers').split(',') } : {}),
    });
    runner = new JobRunner({
      db,
      bus,
      queue: 'jobs.sod',
      handlers: [echo, slow],
      logger: createLogger('silent'),
      maxAttempts: 3,
      timeoutMs: 2_000,
    });
    await runner.start();
    watch = await bus.subscribe({
      groupId: `${prefix}watch`,
      topics: ['job-events', 'dead-letter'],
      fromBeginning: true,
      eachBatch: async ({ messages }) => {
        events.push(...messages);
      },
    });
  });
  afterAll(async () => {
    await watch.stop();
    await runner.stop();
    await bus.close();
    await dispose();
  });

  it('runs a job once, reports progress and stores its result, even when submitted twice', async () => {
    const id = deterministicId('job', 'rule-1', '2017-03-04T12:00:00Z');
    await submitJob(db, bus, id, request('hello'));
    await submitJob(db, bus, id, request('hello'));
    await expect.poll(() => finished(id), { timeout: 30_000 }).toBe('succeeded');
    expect(await getJob(db, id)).toMatchObject({
      result: { echoed: 'hello' },
      progress: 1,
      attempts: 1,
    });
    await expect
      .poll(() => events.filter((e) => e.key === id).map((e) => JSON.parse(e.value).type), {
        timeout: 30_000,
      })
      .toEqual(['job.running', 'job.running', 'job.succeeded']);
    expect((await jobLogs(db, id)).map((l) => l.message)).toEqual(['computed']);
    expect(calls.get(id)).toBe(1);
  });

  it('retries a failing job and succeeds on a later attempt', async () => {
    const id = deterministicId('job', 'retry');
    failuresLeft.set(id, 2);
    await submitJob(db, bus, id, request('again'));
    await expect.poll(() => finished(id), { timeout: 30_000 }).toBe('succeeded');
    expect((await getJob(db, id))?.attempts).toBe(3);
  });

  it('fails a job for good after the last attempt, and an unknown type at once, into dead-letter', async () => {
    const stubborn = deterministicId('job', 'stubborn');
    failuresLeft.set(stubborn, 99);
    const unknown = deterministicId('job', 'unknown');
    await submitJob(db, bus, stubborn, request('never'));
    await submitJob(db, bus, unknown, request('x', 'teleport'));
    await expect.poll(() => finished(stubborn), { timeout: 30_000 }).toBe('failed');
    await expect.poll(() => finished(unknown), { timeout: 30_000 }).toBe('failed');
    expect(await getJob(db, stubborn)).toMatchObject({ attempts: 3, error: 'cluster busy' });
    expect((await getJob(db, unknown))?.error).toMatch(/no handler for job type "teleport"/);
    await expect
      .poll(
        () =>
          events
            .filter((e) => e.topic === 'dead-letter')
            .map((e) => e.key)
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual([stubborn, unknown].sort());
  });

  it('sends an unreadable message to dead-letter and goes on', async () => {
    await bus.publish('jobs.sod', [{ key: 'garbage', value: '{"v":1,"nonsense":true}' }]);
    const id = deterministicId('job', 'after-garbage');
    await submitJob(db, bus, id, request('still running'));
    await expect.poll(() => finished(id), { timeout: 30_000 }).toBe('succeeded');
    await expect
      .poll(() => events.some((e) => e.topic === 'dead-letter' && e.key === 'garbage'), {
        timeout: 30_000,
      })
      .toBe(true);
  });

  it('stops a running job that is cancelled, and never runs a cancelled one again', async () => {
    const id = deterministicId('job', 'cancel-me');
    await submitJob(db, bus, id, request('x', 'slow'));
    await expect.poll(async () => (await getJob(db, id))?.progress, { timeout: 30_000 }).toBe(0.1);
    expect(await cancelJob(db, id, 'cancelled by test')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the runner's watch notices
    await submitJob(db, bus, id, request('x', 'slow')); // a redelivery
    const after = deterministicId('job', 'after-cancel');
    await submitJob(db, bus, after, request('next'));
    await expect.poll(() => finished(after), { timeout: 30_000 }).toBe('succeeded');
    expect(await getJob(db, id)).toMatchObject({ state: 'cancelled', attempts: 1 });
    expect(calls.get(id)).toBe(1);
  });

  it('aborts an attempt that runs past the time limit and retries it, then fails it', async () => {
    const id = deterministicId('job', 'too-slow');
    await submitJob(db, bus, id, request('x', 'slow'));
    await expect.poll(() => finished(id), { timeout: 60_000 }).toBe('failed');
    expect(await getJob(db, id)).toMatchObject({
      attempts: 3,
      error: expect.stringMatching(/timed out/),
    });
  });
});
