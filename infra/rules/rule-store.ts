import type { Database, Queryable } from '../db/types';

// Rules as stored: the document as its author wrote it (defaults may be left out; it is
// parsed with ruleSchema wherever it is used) and every earlier version, for the record.

export interface StoredRule {
  id: string;
  owner: string;
  visibility: 'private' | 'station' | 'everyone';
  enabled: boolean;
  version: number;
  document: Record<string, unknown>;
  updatedAt: string;
}

export interface RuleVersion {
  version: number;
  document: Record<string, unknown>;
  changedBy: string;
  change: string;
  at: string;
}

interface RuleRow {
  id: string;
  owner: string;
  visibility: StoredRule['visibility'];
  enabled: boolean;
  version: number;
  document: Record<string, unknown>;
  updated_at: Date | string;
}

const columns = 'id, owner, visibility, enabled, version, document, updated_at';
const toRule = (row: RuleRow): StoredRule => ({
  id: row.id,
  owner: row.owner,
  visibility: row.visibility,
  enabled: row.enabled,
  version: row.version,
  document: row.document,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function listRules(db: Queryable): Promise<StoredRule[]> {
  const { rows } = await db.query<RuleRow>(
    `SELECT ${columns} FROM rules WHERE deleted_at IS NULL ORDER BY id`,
  );
  return rows.map(toRule);
}

export async function getRule(db: Queryable, id: string): Promise<StoredRule | undefined> {
  const { rows } = await db.query<RuleRow>(
    `SELECT ${columns} FROM rules WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return rows[0] && toRule(rows[0]);
}

export interface RuleChange {
  id: string;
  owner: string;
  visibility: StoredRule['visibility'];
  enabled: boolean;
  document: Record<string, unknown>;
  changedBy: string;
  change: 'created' | 'updated' | 'enabled' | 'disabled' | 'deleted';
}

/**
 * Writes a new version of a rule (the first one creates it; a deleted rule's id starts a
 * new life with the next version) and keeps it in rule_versions, in one transaction.
 */
export async function saveRuleVersion(db: Database, change: RuleChange): Promise<StoredRule> {
  return db.transaction(async (tx) => {
    const document = JSON.stringify(change.document);
    const deleted = change.change === 'deleted';
    const { rows } = await tx.query<RuleRow>(
      `INSERT INTO rules (id, owner, visibility, enabled, version, document, deleted_at)
       VALUES ($1, $2, $3, $4, 1, $5, CASE WHEN $6 THEN now() END)
       ON CONFLICT (id) DO UPDATE SET owner = $2, visibility = $3, enabled = $4,
         version = rules.version + 1, document = $5,
         deleted_at = CASE WHEN $6 THEN now() END, updated_at = now()
       RETURNING ${columns}`,
      [change.id, change.owner, change.visibility, change.enabled, document, deleted],
    );
    const rule = toRule(rows[0] as RuleRow);
    await tx.query(
      `INSERT INTO rule_versions (rule_id, version, document, changed_by, change)
       VALUES ($1, $2, $3, $4, $5)`,
      [rule.id, rule.version, document, change.changedBy, change.change],
    );
    return rule;
  });
}

/** Whether a rule with this id exists (deleted or not): ids are never reused silently. */
export async function ruleExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM rules WHERE id = $1 AND deleted_at IS NULL', [id]);
  return rows.length > 0;
}

export async function ruleVersions(db: Queryable, id: string): Promise<RuleVersion[]> {
  const { rows } = await db.query<{
    version: number;
    document: Record<string, unknown>;
    changed_by: string;
    change: string;
    at: Date | string;
  }>(
    `SELECT version, document, changed_by, change, at FROM rule_versions
     WHERE rule_id = $1 ORDER BY version DESC`,
    [id],
  );
  return rows.map((r) => ({
    version: r.version,
    document: r.document,
    changedBy: r.changed_by,
    change: r.change,
    at: new Date(r.at).toISOString(),
  }));
}

/** A cheap token that changes whenever any rule changes: the analyzer polls it. */
export async function rulesRevision(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ revision: string | null }>(
    `SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '')
       AS revision FROM rules`,
  );
  return rows[0]?.revision ?? '';
}
