import type { JobRequest as QueuedJob } from '../../core/contracts/jobs';
import { encodeMessage } from '../../core/contracts/topics';
import type { AlertEvent, JobRequest, Rule } from '../../core/rules/index';
import { applyAlertEvent } from '../../core/rules/index';
import type { Bus, BusMessage } from '../../infra/bus/types';
import type { Database, Queryable } from '../../infra/db/types';
import { applyJobEvent, getJob, insertJob } from '../../infra/jobs/job-store';
import {
  getAlert,
  getAlerts,
  recordAlertEvents,
  upsertAlerts,
  type StoredAlert,
} from '../../infra/rules/alert-store';
import { gateNotification } from './notification-gate';

export interface AlertEffectsDeps {
  db: Database;
  bus: Bus;
  ruleOf: (id: string) => Rule | undefined;
  /** The stored version of a running rule, kept with its jobs as provenance. */
  versionOf?: (id: string) => number | undefined;
  /** Told of new events once they are stored (the in-process live feed). */
  onEvents?: (events: readonly AlertEvent[]) => void;
}

/**
 * Makes what the engines produced durable, then tells the bus: new events and the alert
 * rows they fold into, and the jobs, in one transaction; then the jobs on their queues and
 * the events on `alerts`. Everything is keyed by ids derived from the trigger, so running
 * the same output again (redelivery, catch-up after a crash) adds nothing.
 */
export async function applyEffects(
  deps: AlertEffectsDeps,
  events: readonly AlertEvent[],
  jobs: readonly JobRequest[],
  nowMs: number,
): Promise<void> {
  if (events.length === 0 && jobs.length === 0) return;
  const { fresh, toQueue } = await deps.db.transaction(async (tx) => {
    const newIds = await recordAlertEvents(tx, events);
    const fresh = events.filter((e) => newIds.has(e.id));
    const alerts = await foldAlerts(tx, fresh);
    await upsertAlerts(tx, [...alerts.values()]);
    const toQueue: { id: string; request: QueuedJob }[] = [];
    for (const job of jobs) {
      const queued = await recordJob(deps, tx, job, events, alerts, nowMs);
      if (queued) toQueue.push(queued);
    }
    return { fresh, toQueue };
  });
  // Stored: the desk in this process hears of it now, the bus a round trip later.
  if (fresh.length > 0) deps.onEvents?.(fresh);
  await publishJobs(deps.bus, toQueue, nowMs);
  if (fresh.length > 0) {
    await deps.bus.publish(
      'alerts',
      fresh.map((event) => alertMessage(event, nowMs)),
    );
  }
}

/** The alert rows the new events change, folded in memory after one read. */
async function foldAlerts(tx: Queryable, events: readonly AlertEvent[]) {
  const ids = [...new Set(events.flatMap((e) => (e.alertId === null ? [] : [e.alertId])))];
  const stored = await getAlerts(tx, ids);
  const alerts = new Map<string, StoredAlert>();
  for (const event of events) {
    if (event.alertId === null) continue;
    const current = alerts.get(event.alertId) ?? stored.get(event.alertId);
    const next = applyAlertEvent(current, event);
    if (next) alerts.set(event.alertId, { ...next, values: event.values });
  }
  return alerts;
}

/** Records a job; returns it when it is to go on its queue (new, or recorded but never run). */
async function recordJob(
  deps: AlertEffectsDeps,
  tx: Queryable,
  job: JobRequest,
  events: readonly AlertEvent[],
  alerts: ReadonlyMap<string, StoredAlert>,
  nowMs: number,
): Promise<{ id: string; request: QueuedJob } | undefined> {
  const rule = deps.ruleOf(job.ruleId);
  const trigger = events.find(
    (e) => e.alertId === job.alertId && e.atMs === job.atMs && e.type !== 'pending',
  );
  const request: QueuedJob = {
    queue: job.queue,
    type: job.type,
    params: job.params,
    origin: {
      ruleId: job.ruleId,
      alertId: job.alertId,
      ...(deps.versionOf?.(job.ruleId) === undefined
        ? {}
        : { ruleVersion: deps.versionOf(job.ruleId) }),
      ...(trigger
        ? {
            trigger: {
              startMs: trigger.startMs ?? job.atMs,
              atMs: trigger.atMs,
              values: trigger.values,
            },
          }
        : {}),
    },
  };
  if (job.type === 'notify' && rule) {
    const event = trigger;
    const alert = alerts.get(job.alertId) ?? (await getAlert(tx, job.alertId));
    const verdict = await gateNotification(tx, rule, job, event, alert, nowMs);
    if (!verdict.send) {
      if (verdict.heldFor) request.origin.recipient = verdict.heldFor;
      if (await insertJob(tx, job.id, request)) {
        const message = `not sent: ${verdict.reason}`;
        // A held notification waits for its digest (digests.ts), marked in its result.
        const result = verdict.heldFor ? { heldFor: verdict.heldFor } : null;
        await applyJobEvent(tx, {
          jobId: job.id,
          state: 'cancelled',
          progress: null,
          message,
          result,
        });
      }
      return undefined;
    }
    request.params = verdict.params;
    if (verdict.recipient) request.origin.recipient = verdict.recipient;
  }
  if (await insertJob(tx, job.id, request)) return { id: job.id, request };
  const stored = await getJob(tx, job.id);
  return stored?.state === 'queued' ? { id: job.id, request } : undefined;
}

async function publishJobs(
  bus: Bus,
  jobs: readonly { id: string; request: QueuedJob }[],
  nowMs: number,
): Promise<void> {
  const byQueue = new Map<QueuedJob['queue'], BusMessage[]>();
  for (const { id, request } of jobs) {
    const value = encodeMessage(request.queue, {
      v: 1,
      id,
      type: request.type,
      at: new Date(nowMs).toISOString(),
      payload: request,
    });
    byQueue.set(request.queue, [...(byQueue.get(request.queue) ?? []), { key: id, value }]);
  }
  for (const [queue, messages] of byQueue) await bus.publish(queue, messages);
}

function alertMessage(event: AlertEvent, nowMs: number): BusMessage {
  const payload = event as unknown as Record<string, unknown>;
  const value = encodeMessage('alerts', {
    v: 1,
    id: event.id,
    type: `alert.${event.type}`,
    at: new Date(nowMs).toISOString(),
    payload,
  });
  return { key: event.ruleId, value };
}
