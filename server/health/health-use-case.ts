import type { HealthResponse } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';

export interface BusState {
  kind: 'none' | 'embedded' | 'kafka';
  ok: boolean;
  error?: string;
}

export async function outboxBacklog(
  db: Database,
): Promise<{ backlog: number; oldestAgeSeconds: number | null }> {
  const { rows } = await db.query<{ backlog: number; age: number | null }>(
    `SELECT coalesce(sum(row_count), 0)::int AS backlog,
            extract(epoch FROM now() - min(created_at))::float8 AS age
     FROM outbox WHERE published_at IS NULL`,
  );
  return { backlog: rows[0]?.backlog ?? 0, oldestAgeSeconds: rows[0]?.age ?? null };
}

/** State of database, bus and outbox; never throws, a failing part is reported as such. */
export async function checkHealth(
  db: Database,
  busState: () => Promise<BusState>,
  version: string,
): Promise<HealthResponse> {
  const bus = await busState().catch((error: Error): BusState => ({
    kind: 'none',
    ok: false,
    error: error.message,
  }));
  try {
    const outbox = await outboxBacklog(db);
    return {
      status: bus.ok ? 'ok' : 'degraded',
      version,
      database: { ok: true, kind: db.kind },
      bus,
      outbox,
    };
  } catch (error) {
    return {
      status: 'degraded',
      version,
      database: { ok: false, kind: db.kind, error: (error as Error).message },
      bus,
      outbox: { backlog: -1, oldestAgeSeconds: null },
    };
  }
}
