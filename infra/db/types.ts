export type SqlParam = string | number | boolean | null | Date;

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows written by INSERT/UPDATE/DELETE. */
  affected: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<QueryResult<Row>>;
}

export type DatabaseKind = 'postgres' | 'pglite';

/** The one database module: a PostgreSQL server (pg) or embedded PostgreSQL (PGlite). */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction on one connection; commits, or rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by `;` (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
