import { migrate } from '../../infra/db/migrate';
import { openPglite } from '../../infra/db/pglite';
import { openPostgres } from '../../infra/db/postgres';
import type { Database } from '../../infra/db/types';
import { createThrowawayDatabase } from './postgres';

export interface TestBackend {
  name: 'postgres' | 'pglite';
  /** A migrated, empty database and the means to throw it away. */
  open(): Promise<{ db: Database; dispose(): Promise<void>; url?: string }>;
}

/** Both storage backends, so one test suite runs against each. */
export const backends: TestBackend[] = [
  {
    name: 'postgres',
    async open() {
      const throwaway = await createThrowawayDatabase();
      const db = openPostgres(throwaway.url);
      await migrate(db);
      return {
        db,
        url: throwaway.url,
        async dispose() {
          await db.close();
          await throwaway.drop();
        },
      };
    },
  },
  {
    name: 'pglite',
    async open() {
      const db = await openPglite(undefined);
      await migrate(db);
      return { db, dispose: () => db.close() };
    },
  },
];
