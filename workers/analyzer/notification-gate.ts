import { withheldBecause } from '../../core/contracts/preferences';
import {
  shouldNotify,
  type AlertEvent,
  type AlertRecord,
  type JobRequest,
  type Rule,
} from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import { getPreferences } from '../../infra/rules/preferences-store';

export type GateVerdict =
  { send: true; params: Record<string, unknown> } | { send: false; reason: string };

/**
 * Whether a rule's `notify` job is sent, and to which channels. The engine's verdict comes
 * first (no paging for backfill or while the rule flaps), then what people did to the
 * alert (acknowledged, shelved), then the rule owner's preferences: channels, minimum
 * severity, quiet hours. A withheld notification is still recorded, with its reason.
 */
export async function gateNotification(
  db: Queryable,
  rule: Rule,
  job: JobRequest,
  event: AlertEvent | undefined,
  alert: AlertRecord | undefined,
  nowMs: number,
): Promise<GateVerdict> {
  if (!job.notify || !event) {
    const why = event?.backfill ? 'computed from late data (backfill)' : 'the rule is flapping';
    return { send: false, reason: why };
  }
  if (!shouldNotify(event, alert, nowMs)) {
    const shelved = alert?.shelvedUntilMs != null && nowMs < alert.shelvedUntilMs;
    return { send: false, reason: shelved ? 'the alert is shelved' : 'the alert is acknowledged' };
  }
  // Channels written into the action go out as written; otherwise the owner's preferences.
  if (Array.isArray(job.params.channels)) return { send: true, params: job.params };
  const preferences = await getPreferences(db, rule.owner);
  const reason = withheldBecause(preferences, rule.severity, nowMs);
  if (reason !== null) return { send: false, reason: `${rule.owner}: ${reason}` };
  return { send: true, params: { ...job.params, channels: preferences.channels } };
}
