import type { Queryable } from '../db/types';

// The analyzer's window state, one row per rule. A checkpoint belongs to one rule version
// (its fingerprint); a rule that changed starts afresh, warmed up from stored data.

export interface Checkpoint {
  ruleId: string;
  fingerprint: string;
  snapshot: unknown;
}

export async function loadCheckpoints(db: Queryable): Promise<Map<string, Checkpoint>> {
  const { rows } = await db.query<{ rule_id: string; fingerprint: string; snapshot: unknown }>(
    'SELECT rule_id, fingerprint, snapshot FROM rule_checkpoints',
  );
  return new Map(
    rows.map((r) => [
      r.rule_id,
      { ruleId: r.rule_id, fingerprint: r.fingerprint, snapshot: r.snapshot },
    ]),
  );
}

export async function saveCheckpoints(
  db: Queryable,
  checkpoints: readonly Checkpoint[],
): Promise<void> {
  if (checkpoints.length === 0) return;
  await db.query(
    `INSERT INTO rule_checkpoints (rule_id, fingerprint, snapshot)
     SELECT c->>'ruleId', c->>'fingerprint', c->'snapshot'
     FROM jsonb_array_elements($1::jsonb) AS c
     ON CONFLICT (rule_id) DO UPDATE SET fingerprint = excluded.fingerprint,
       snapshot = excluded.snapshot, saved_at = now()`,
    [JSON.stringify(checkpoints)],
  );
}

export async function deleteCheckpoint(db: Queryable, ruleId: string): Promise<void> {
  await db.query('DELETE FROM rule_checkpoints WHERE rule_id = $1', [ruleId]);
}
