import type { Queryable } from '../db/types';

/** Appends to the audit log (the table refuses updates and deletes): who did what to what. */
export async function appendAudit(
  db: Queryable,
  entry: { actor: string; action: string; subject: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', [
    entry.actor,
    entry.action,
    entry.subject,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
