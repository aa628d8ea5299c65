import type { AuditEntry } from '../../core/contracts/operations';
import type { Queryable, SqlParam } from '../db/types';

/** One step of the audit trail; written in the same transaction as the change it records. */
export interface NewAuditEntry {
  action: AuditEntry['action'];
  actor: string;
  role?: string | null;
  commandId?: string | null;
  instrument?: string | null;
  ruleId?: string | null;
  params?: Record<string, unknown> | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
}

/** Appends to operations_audit; the table refuses UPDATE, DELETE and TRUNCATE itself. */
export async function appendOperationsAudit(db: Queryable, entry: NewAuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO operations_audit (action, actor, role, command_id, instrument_id, rule_id, params,
       from_state, to_state, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.action,
      entry.actor,
      entry.role ?? null,
      entry.commandId ?? null,
      entry.instrument ?? null,
      entry.ruleId ?? null,
      entry.params ? JSON.stringify(entry.params) : null,
      entry.fromState ?? null,
      entry.toState ?? null,
      entry.reason ?? null,
    ],
  );
}

export interface AuditFilter {
  command?: string;
  instrument?: string;
  actor?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
}

interface AuditRow {
  id: string | number;
  at: Date | string;
  action: AuditEntry['action'];
  actor: string;
  role: string | null;
  command_id: string | null;
  instrument_id: string | null;
  rule_id: string | null;
  params: Record<string, unknown> | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
}

/** The trail in the order it was written, filtered; a command's trail is `{ command }`. */
export async function listOperationsAudit(
  db: Queryable,
  filter: AuditFilter,
): Promise<AuditEntry[]> {
  const params: SqlParam[] = [
    filter.command ?? null,
    filter.instrument ?? null,
    filter.actor ?? null,
    filter.action ?? null,
    filter.fromMs === undefined ? null : new Date(filter.fromMs),
    filter.toMs === undefined ? null : new Date(filter.toMs),
    filter.limit,
  ];
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, action, actor, role, command_id, instrument_id, rule_id, params, from_state,
       to_state, reason FROM operations_audit
     WHERE ($1::text IS NULL OR command_id = $1) AND ($2::text IS NULL OR instrument_id = $2)
       AND ($3::text IS NULL OR actor = $3) AND ($4::text IS NULL OR action = $4)
       AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
     ORDER BY id LIMIT $7`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    action: row.action,
    actor: row.actor,
    role: row.role,
    commandId: row.command_id,
    instrument: row.instrument_id,
    ruleId: row.rule_id,
    params: row.params,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
  }));
}
