import pg from 'pg';
import type { Database, QueryResult, Queryable, SqlParam } from './types';

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params?: SqlParam[]): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params);
      return { rows: result.rows as Row[], affected: result.rowCount ?? 0 };
    },
  };
}

/** A PostgreSQL server through one pool that this module alone owns. */
export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const poolQueryable = wrap(pool);
  return {
    kind: 'postgres',
    query: poolQueryable.query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      // While checked out, the pool no longer listens for the client's errors: a server
      // restart between two statements would otherwise crash the process (unhandled 'error').
      const onLostConnection = () => (broken = true);
      client.on('error', onLostConnection);
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not return it to the pool
        }
        throw error;
      } finally {
        client.off('error', onLostConnection);
        client.release(broken);
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}

/** For benchmarks and tests that need the pg client itself (COPY). */
export function openPostgresPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, max: 4 });
}
