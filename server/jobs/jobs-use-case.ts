import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { evaluationParamsSchema } from '../../core/contracts/evaluation';
import { deterministicId, type JobRequest } from '../../core/contracts/jobs';
import { encodeMessage } from '../../core/contracts/topics';
import { dispersionParametersSchema } from '../../core/simulation/index';
import { appendAudit } from '../../infra/audit/audit-log';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { cancelJob, getJob } from '../../infra/jobs/job-store';
import { submitJob } from '../../infra/jobs/submit-job';
import { AppError, badRequest, notFound } from '../http/app-error';

// Jobs by hand: what a rule's action does, asked for by a person, with who asked as the
// job's origin; and cancelling a job, which the worker running it notices within a second.

/** Parameters checked here, before queueing, so a typo is a 400 and not a failed job later. */
const knownParams: Record<string, z.ZodType> = {
  evaluation: evaluationParamsSchema,
  'backward-dispersion': z.object({
    model: dispersionParametersSchema,
    wind: z.object({ speed: z.string(), direction: z.string() }),
  }),
};

export async function submitByHand(
  db: Database,
  bus: Bus | undefined,
  request: Omit<JobRequest, 'origin'>,
  actor: string,
  idempotencyKey: string | undefined,
): Promise<{ id: string; state: string }> {
  if (!bus) throw new AppError(503, 'no_bus', 'this server has no bus to queue jobs on');
  const schema = knownParams[request.type];
  const checked = schema?.safeParse(request.params);
  if (checked && !checked.success) throw badRequest(`params: ${z.prettifyError(checked.error)}`);
  // The same key from the same user is the same job: a retried request queues nothing new.
  const id = idempotencyKey
    ? deterministicId('manual', actor, idempotencyKey)
    : `manual-${randomUUID()}`;
  await submitJob(db, bus, id, { ...request, origin: { user: actor } });
  await appendAudit(db, {
    actor,
    action: 'job.submit',
    subject: id,
    detail: { type: request.type },
  });
  return { id, state: (await getJob(db, id))?.state ?? 'queued' };
}

export async function cancelByHand(
  db: Database,
  bus: Bus | undefined,
  id: string,
  actor: string,
): Promise<{ id: string; state: string }> {
  const job = await getJob(db, id);
  if (!job) throw notFound(`job "${id}"`);
  if (!(await cancelJob(db, id, `cancelled by ${actor}`))) {
    throw new AppError(409, 'conflict', `job "${id}" has already ${job.state}`);
  }
  await appendAudit(db, { actor, action: 'job.cancel', subject: id });
  const payload = {
    jobId: id,
    state: 'cancelled',
    progress: null,
    message: `cancelled by ${actor}`,
    result: null,
  };
  const value = encodeMessage('job-events', {
    v: 1,
    id: `${id}:cancelled`,
    type: 'job.cancelled',
    at: new Date().toISOString(),
    payload,
  });
  await bus?.publish('job-events', [{ key: id, value }]).catch(() => undefined); // the row is what counts
  return { id, state: 'cancelled' };
}
