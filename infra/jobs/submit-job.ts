import { encodeMessage } from '../../core/contracts/topics';
import type { JobRequest } from '../../core/contracts/jobs';
import type { Bus } from '../bus/types';
import type { Database } from '../db/types';
import { insertJob } from './job-store';

/**
 * Queues a job under a deterministic id: its row first (so the UI sees it at once and a
 * redelivered trigger finds it), then the message on its queue. Submitting the same id again
 * publishes again, which the runner absorbs: a finished job is never run twice.
 */
export async function submitJob(
  db: Database,
  bus: Bus,
  id: string,
  request: JobRequest,
): Promise<void> {
  await insertJob(db, id, request);
  await bus.publish(request.queue, [
    {
      key: id,
      value: encodeMessage(request.queue, {
        v: 1,
        id,
        type: request.type,
        at: new Date().toISOString(),
        payload: request,
      }),
    },
  ]);
}
