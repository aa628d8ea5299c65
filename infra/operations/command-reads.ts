import type { Approval, CommandState } from '../../core/contracts/operations';
import type { Queryable } from '../db/types';
import type { StoredCommand } from './command-store';

interface CommandRow {
  id: string;
  instrument_id: string;
  command: string;
  params: Record<string, unknown>;
  risk: StoredCommand['risk'];
  state: CommandState;
  reason: string | null;
  requested_by: string;
  rule_id: string | null;
  booking_id: string | null;
  not_before: Date | string | null;
  approvals_needed: number;
  timeout_seconds: number;
  sent_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  approvals: Approval[] | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

// Approvals come along as one JSON array per command, in the order they were given.
const select = `SELECT c.*, (SELECT json_agg(json_build_object('by', a.by_user, 'role', a.role,
    'decision', a.decision, 'reason', a.reason, 'at', a.at) ORDER BY a.at)
  FROM command_approvals a WHERE a.command_id = c.id) AS approvals FROM commands c`;

const toCommand = (row: CommandRow): StoredCommand => ({
  id: row.id,
  instrument: row.instrument_id,
  command: row.command,
  params: row.params,
  risk: row.risk,
  state: row.state,
  reason: row.reason,
  requestedBy: row.requested_by,
  ruleId: row.rule_id,
  bookingId: row.booking_id,
  notBefore: row.not_before === null ? null : iso(row.not_before),
  approvalsNeeded: row.approvals_needed,
  approvals: (row.approvals ?? []).map((a) => ({ ...a, at: iso(a.at) })),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  timeoutSeconds: row.timeout_seconds,
  sentAtMs: row.sent_at === null ? null : new Date(row.sent_at).getTime(),
});

/** One command with its approvals; `forUpdate` locks its row for the rest of the transaction. */
export async function findCommand(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<StoredCommand | undefined> {
  const lock = forUpdate ? ' FOR UPDATE OF c' : '';
  const { rows } = await db.query<CommandRow>(`${select} WHERE c.id = $1${lock}`, [id]);
  return rows[0] && toCommand(rows[0]);
}

export async function listCommands(
  db: Queryable,
  filter: { state?: CommandState; instrument?: string; limit: number },
): Promise<StoredCommand[]> {
  const { rows } = await db.query<CommandRow>(
    `${select} WHERE ($1::text IS NULL OR c.state = $1) AND ($2::text IS NULL OR c.instrument_id = $2)
     ORDER BY c.created_at DESC, c.id LIMIT $3`,
    [filter.state ?? null, filter.instrument ?? null, filter.limit],
  );
  return rows.map(toCommand);
}
