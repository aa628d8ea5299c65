import type { AlertEvent, AlertRecord } from '../../core/rules/index';
import type { Queryable } from '../db/types';

// Alerts and their events. Events are written once by id (a repeat changes nothing), and
// the alert row is the fold of its events plus what people did to it (ack, shelve).

export interface StoredAlert extends AlertRecord {
  /** The inputs' values at the latest transition. */
  values: Record<string, number | null>;
}

interface AlertRow {
  id: string;
  rule_id: string;
  severity: AlertRecord['severity'];
  status: AlertRecord['status'];
  start_ms: number;
  firing_ms: number | null;
  resolved_ms: number | null;
  flapping: boolean;
  backfill: boolean;
  acknowledged: AlertRecord['acknowledged'];
  shelved_until_ms: number | null;
  trigger_values: Record<string, number | null>;
}

const columns = `id, rule_id, severity, status, start_ms, firing_ms, resolved_ms, flapping,
  backfill, acknowledged, shelved_until_ms, trigger_values`;

const toAlert = (row: AlertRow): StoredAlert => ({
  id: row.id,
  ruleId: row.rule_id,
  severity: row.severity,
  status: row.status,
  startMs: row.start_ms,
  firingMs: row.firing_ms,
  resolvedMs: row.resolved_ms,
  flapping: row.flapping,
  backfill: row.backfill,
  acknowledged: row.acknowledged,
  shelvedUntilMs: row.shelved_until_ms,
  values: row.trigger_values,
});

/** Records events; returns the ids that were new (the rest had been recorded before). */
export async function recordAlertEvents(
  db: Queryable,
  events: readonly AlertEvent[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO alert_events (id, alert_id, rule_id, type, at_ms, event)
     SELECT e->>'id', e->>'alertId', e->>'ruleId', e->>'type', (e->>'atMs')::float8, e
     FROM jsonb_array_elements($1::jsonb) AS e
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(events)],
  );
  return new Set(rows.map((r) => r.id));
}

/** Writes alert rows as folded by the analyzer; ack and shelve are never overwritten. */
export async function upsertAlerts(db: Queryable, alerts: readonly StoredAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  await db.query(
    `INSERT INTO alerts (id, rule_id, severity, status, start_ms, firing_ms, resolved_ms,
       flapping, backfill, trigger_values)
     SELECT a->>'id', a->>'ruleId', a->>'severity', a->>'status', (a->>'startMs')::float8,
       (a->>'firingMs')::float8, (a->>'resolvedMs')::float8, (a->>'flapping')::boolean,
       (a->>'backfill')::boolean, a->'values'
     FROM jsonb_array_elements($1::jsonb) AS a
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, firing_ms = excluded.firing_ms,
       resolved_ms = excluded.resolved_ms, flapping = excluded.flapping,
       backfill = excluded.backfill, trigger_values = excluded.trigger_values, updated_at = now()`,
    [JSON.stringify(alerts)],
  );
}

export async function getAlert(db: Queryable, id: string): Promise<StoredAlert | undefined> {
  const { rows } = await db.query<AlertRow>(`SELECT ${columns} FROM alerts WHERE id = $1`, [id]);
  return rows[0] && toAlert(rows[0]);
}

/** Several alerts by id in one query (the analyzer folds a batch's events at once). */
export async function getAlerts(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, StoredAlert>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<AlertRow>(
    `SELECT ${columns} FROM alerts WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, toAlert(row)]));
}

export interface AlertFilter {
  ruleId?: string;
  /** Only pending and firing alerts. */
  open?: boolean;
  limit: number;
}

export async function listAlerts(db: Queryable, filter: AlertFilter): Promise<StoredAlert[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${columns} FROM alerts
     WHERE ($1::text IS NULL OR rule_id = $1)
       AND (NOT $2 OR status IN ('pending', 'firing'))
     ORDER BY start_ms DESC, id LIMIT $3`,
    [filter.ruleId ?? null, filter.open ?? false, filter.limit],
  );
  return rows.map(toAlert);
}

export async function alertEvents(db: Queryable, alertId: string): Promise<AlertEvent[]> {
  const { rows } = await db.query<{ event: AlertEvent }>(
    'SELECT event FROM alert_events WHERE alert_id = $1 ORDER BY at_ms, recorded_at',
    [alertId],
  );
  return rows.map((r) => r.event);
}

/** Sets what people did to an alert: an acknowledgement and/or a shelve period. */
export async function setAlertHandling(
  db: Queryable,
  id: string,
  handling: Pick<AlertRecord, 'acknowledged' | 'shelvedUntilMs'>,
): Promise<void> {
  await db.query(
    'UPDATE alerts SET acknowledged = $2, shelved_until_ms = $3, updated_at = now() WHERE id = $1',
    [
      id,
      handling.acknowledged === null ? null : JSON.stringify(handling.acknowledged),
      handling.shelvedUntilMs,
    ],
  );
}
