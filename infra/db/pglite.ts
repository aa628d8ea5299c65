import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, Queryable, SqlParam } from './types';

function wrap(db: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<Row>(sql: string, params?: SqlParam[]): Promise<QueryResult<Row>> {
      const result = await db.query<Row>(sql, params as unknown[] | undefined);
      return { rows: result.rows, affected: result.affectedRows ?? 0 };
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) under `dataDir`, or in memory when dataDir is
 * undefined. Same SQL and migrations as the server backend.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  let release = () => undefined as void;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = takeLock(dataDir);
  }
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: wrap(db).query,
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => db.transaction((tx) => work(wrap(tx))),
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
      release();
    },
  };
}

/**
 * PGlite is single-process: a second process opening the same folder would corrupt it.
 * A lock file holding the owner's pid makes the second opener fail with a clear message;
 * a lock left by a dead process is taken over.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'firn.lock');
  try {
    const owner = Number(fs.readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `the embedded database in ${dataDir} is in use by process ${owner}: ` +
          'the embedded database serves one process at a time, so stop the control room first, ' +
          'or run Firn on a PostgreSQL server (DATABASE_URL)',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
