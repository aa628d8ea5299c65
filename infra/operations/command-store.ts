import {
  type Approval,
  type Command,
  type CommandState,
  type RiskClass,
} from '../../core/contracts/operations';
import type { Queryable } from '../db/types';

export interface NewCommand {
  id: string;
  instrument: string;
  command: string;
  params: Record<string, unknown>;
  risk: RiskClass;
  state: 'proposed' | 'scheduled' | 'blocked';
  reason: string | null;
  requestedBy: string;
  ruleId: string | null;
  bookingId: string | null;
  notBeforeMs: number | null;
  approvalsNeeded: number;
  timeoutSeconds: number;
}

/** A command as the worker needs it: the contract's view plus when it was sent. */
export interface StoredCommand extends Command {
  timeoutSeconds: number;
  sentAtMs: number | null;
}

/** Records a command once; a second insert of the same id changes nothing (returns false). */
export async function insertCommand(db: Queryable, c: NewCommand): Promise<boolean> {
  const { affected } = await db.query(
    `INSERT INTO commands (id, instrument_id, command, params, risk, state, reason, requested_by,
       rule_id, booking_id, not_before, approvals_needed, timeout_seconds)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
    [
      c.id,
      c.instrument,
      c.command,
      JSON.stringify(c.params),
      c.risk,
      c.state,
      c.reason,
      c.requestedBy,
      c.ruleId,
      c.bookingId,
      c.notBeforeMs === null ? null : new Date(c.notBeforeMs),
      c.approvalsNeeded,
      c.timeoutSeconds,
    ],
  );
  return affected > 0;
}

/**
 * Moves a command from one of `from` to `to` under a lock on its row: of two workers or
 * requests racing, exactly one wins. Returns the state it left, or null when it was in no
 * `from` state (someone else moved it first): nothing was written and the caller must not act.
 */
export async function transitionCommand(
  db: Queryable,
  id: string,
  from: readonly CommandState[],
  to: CommandState,
  reason: string | null = null,
): Promise<CommandState | null> {
  const { rows } = await db.query<{ state: CommandState }>(
    'SELECT state FROM commands WHERE id = $1 FOR UPDATE',
    [id],
  );
  const previous = rows[0]?.state;
  if (previous === undefined || !from.includes(previous)) return null;
  await db.query(
    `UPDATE commands SET state = $2, reason = coalesce($3, reason), updated_at = now(),
       sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
     WHERE id = $1`,
    [id, to, reason],
  );
  return previous;
}

export async function addApproval(
  db: Queryable,
  commandId: string,
  approval: Omit<Approval, 'at'>,
): Promise<void> {
  await db.query(
    `INSERT INTO command_approvals (command_id, by_user, role, decision, reason) VALUES ($1, $2, $3, $4, $5)`,
    [commandId, approval.by, approval.role, approval.decision, approval.reason],
  );
}

/** Commands of this name sent to the instrument in the hour before `atMs` (the rate interlock). */
export async function countSentInHour(
  db: Queryable,
  instrument: string,
  command: string,
  atMs: number,
): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM commands WHERE instrument_id = $1 AND command = $2
       AND sent_at > $3 AND sent_at <= $4`,
    [instrument, command, new Date(atMs - 3_600_000), new Date(atMs)],
  );
  return Number(rows[0]?.n ?? 0);
}
