import type { Severity } from '../rule-schema';
import type { AlertEvent } from './events';

// An alert as people see it: the engine's transitions folded into one record, plus what
// people do to it. Acknowledging ("someone is on it", with a comment) and shelving ("not
// now, until then") happen outside the engine and never change what it computes: they
// only decide who hears of the next transitions (shouldNotify).

export type AlertStatus = 'pending' | 'firing' | 'resolved' | 'cancelled';

export interface Acknowledgement {
  by: string;
  atMs: number;
  comment: string;
}

export interface AlertRecord {
  id: string;
  ruleId: string;
  severity: Severity;
  status: AlertStatus;
  startMs: number;
  firingMs: number | null;
  resolvedMs: number | null;
  flapping: boolean;
  /** Whether its latest transition was computed from late data. */
  backfill: boolean;
  acknowledged: Acknowledgement | null;
  shelvedUntilMs: number | null;
}

/** Folds an engine event into the record of its alert (creating it on `pending`). */
export function applyAlertEvent(
  record: AlertRecord | undefined,
  event: AlertEvent,
): AlertRecord | undefined {
  const { type, alertId, startMs } = event;
  if (alertId === null || startMs === null || (record !== undefined && record.id !== alertId)) {
    return record;
  }
  const base: AlertRecord = record ?? {
    id: alertId,
    ruleId: event.ruleId,
    severity: event.severity,
    status: 'pending',
    startMs,
    firingMs: null,
    resolvedMs: null,
    flapping: false,
    backfill: event.backfill,
    acknowledged: null,
    shelvedUntilMs: null,
  };
  const next = { ...base, flapping: event.flapping, backfill: event.backfill };
  if (type === 'flapping' || type === 'stable') return next;
  if (type === 'firing') next.firingMs = event.atMs;
  if (type === 'resolved') next.resolvedMs = event.atMs;
  return { ...next, status: type };
}

export function acknowledge(record: AlertRecord, acknowledgement: Acknowledgement): AlertRecord {
  return { ...record, acknowledged: acknowledgement };
}

export function shelve(record: AlertRecord, untilMs: number | null): AlertRecord {
  return { ...record, shelvedUntilMs: untilMs };
}

/**
 * Whether people should hear of an event now: the engine's verdict (not backfill, not
 * flapping), unless the alert is shelved, or acknowledged and the news is not its end.
 */
export function shouldNotify(
  event: AlertEvent,
  record: AlertRecord | undefined,
  nowMs: number,
): boolean {
  if (!event.notify) return false;
  if (record?.shelvedUntilMs != null && nowMs < record.shelvedUntilMs) return false;
  return !(record?.acknowledged && event.type !== 'resolved');
}
