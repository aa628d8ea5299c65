import { migrations as allMigrations, type Migration } from './migrations/index';
import type { Database } from './types';

/**
 * Applies the migrations not yet applied, each in its own transaction, in order.
 * An advisory lock keeps two processes starting at once (two desks) from racing.
 */
export async function migrate(
  db: Database,
  migrations: Migration[] = allMigrations,
): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274)');
    const done = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
    const doneIds = new Set(done.rows.map((row) => row.id));
    for (const migration of migrations) {
      if (doneIds.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      applied.push(migration.id);
    }
  });
  return applied;
}

/** Splits on `;` at line ends outside dollar-quoted bodies (our migrations' own style). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (const line of sql.split('\n')) {
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollarQuote = !inDollarQuote;
    current += line + '\n';
    if (!inDollarQuote && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}
