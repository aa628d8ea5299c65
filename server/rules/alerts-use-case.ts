import type { z } from 'zod';
import type { alertsQuerySchema, shelveRequestSchema } from '../../core/contracts/http';
import { acknowledge, durationMs, shelve } from '../../core/rules/index';
import { appendAudit } from '../../infra/audit/audit-log';
import type { Database } from '../../infra/db/types';
import {
  alertEvents,
  getAlert,
  listAlerts,
  setAlertHandling,
  type StoredAlert,
} from '../../infra/rules/alert-store';
import { notFound } from '../http/app-error';

// What people do with alerts: look at them, acknowledge ("someone is on it", with a
// comment) and shelve ("not now, until then"). Neither changes what the analyzer computes;
// they decide who hears of the alert's next transitions. Both go to the audit log.

export function findAlerts(db: Database, query: z.infer<typeof alertsQuerySchema>) {
  return listAlerts(db, { ruleId: query.rule, open: query.open === 'true', limit: query.limit });
}

export async function readAlert(db: Database, id: string) {
  const alert = await getAlert(db, id);
  if (!alert) throw notFound(`alert "${id}"`);
  return { alert, events: await alertEvents(db, id) };
}

export async function acknowledgeAlert(
  db: Database,
  id: string,
  comment: string,
  actor: string,
  nowMs: number,
): Promise<StoredAlert> {
  const { alert } = await readAlert(db, id);
  const next = { ...alert, ...acknowledge(alert, { by: actor, atMs: nowMs, comment }) };
  await db.transaction(async (tx) => {
    await setAlertHandling(tx, id, next);
    await appendAudit(tx, { actor, action: 'alert.acknowledge', subject: id, detail: { comment } });
  });
  return next;
}

export async function shelveAlert(
  db: Database,
  id: string,
  request: z.infer<typeof shelveRequestSchema>,
  actor: string,
  nowMs: number,
): Promise<StoredAlert> {
  const { alert } = await readAlert(db, id);
  const untilMs =
    'for' in request
      ? nowMs + durationMs(request.for)
      : request.until === null
        ? null
        : Date.parse(request.until);
  const next = { ...alert, ...shelve(alert, untilMs) };
  await db.transaction(async (tx) => {
    await setAlertHandling(tx, id, next);
    const detail = { until: untilMs === null ? null : new Date(untilMs).toISOString() };
    await appendAudit(tx, { actor, action: 'alert.shelve', subject: id, detail });
  });
  return next;
}
