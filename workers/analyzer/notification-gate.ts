import { withheldBecause } from '../../core/contracts/preferences';
import {
  durationMs,
  shouldNotify,
  type AlertEvent,
  type AlertRecord,
  type JobRequest,
  type Rule,
} from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import { getPreferences } from '../../infra/rules/preferences-store';

export type GateVerdict =
  | { send: true; params: Record<string, unknown>; recipient?: string }
  | { send: false; reason: string; heldFor?: string };

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
  if (await stormy(db, rule.owner, preferences.storm)) {
    return { send: false, reason: `held for a digest to ${rule.owner}`, heldFor: rule.owner };
  }
  const params = { ...job.params, channels: preferences.channels };
  return { send: true, params, recipient: rule.owner };
}

/**
 * Whether a storm is on for the user: the storm limit of notifications within its window
 * was reached, or some are held already (then the rest join them in the same digest).
 */
async function stormy(
  db: Queryable,
  user: string,
  storm: { maxMessages: number; window: string },
): Promise<boolean> {
  const { rows } = await db.query<{ sent: number; holding: boolean }>(
    `SELECT (SELECT count(*)::int FROM jobs WHERE type = 'notify' AND origin->>'recipient' = $1
               AND state <> 'cancelled'
               AND created_at > now() - $2::float8 * interval '1 millisecond') AS sent,
            EXISTS (SELECT 1 FROM jobs WHERE type = 'notify' AND result->>'heldFor' = $1
                      AND NOT result ? 'digestJob') AS holding`,
    [user, durationMs(storm.window)],
  );
  const { sent = 0, holding = false } = rows[0] ?? {};
  return holding || sent >= storm.maxMessages;
}
