import { liveLayoutSchema, type LiveLayout, type SavedLayout } from '../../core/contracts/layouts';
import type { Queryable } from '../../infra/db/types';

/** Layouts a user keeps, at most this many (a name each): enough for any desk. */
export const MAX_LAYOUTS_PER_USER = 50;

/** A user's layouts by name; rows an older version wrote that no longer parse are left out. */
export async function listLayouts(db: Queryable, userName: string): Promise<SavedLayout[]> {
  const { rows } = await db.query<{ name: string; layout: unknown; updated_ms: number }>(
    `SELECT name, layout, (extract(epoch FROM updated_at) * 1000)::float8 AS updated_ms
     FROM live_layouts WHERE user_name = $1 ORDER BY name`,
    [userName],
  );
  const layouts: SavedLayout[] = [];
  for (const row of rows) {
    const layout = liveLayoutSchema.safeParse(row.layout);
    if (layout.success)
      layouts.push({ name: row.name, layout: layout.data, updatedAtMs: row.updated_ms });
  }
  return layouts;
}

/** Saves under a name, replacing a layout of that name; null when the user has too many. */
export async function saveLayout(
  db: Queryable,
  userName: string,
  name: string,
  layout: LiveLayout,
): Promise<SavedLayout | null> {
  const { rows } = await db.query<{ updated_ms: number }>(
    `INSERT INTO live_layouts (user_name, name, layout)
     SELECT $1, $2, $3
     WHERE EXISTS (SELECT 1 FROM live_layouts WHERE user_name = $1 AND name = $2)
        OR (SELECT count(*) FROM live_layouts WHERE user_name = $1) < $4
     ON CONFLICT (user_name, name) DO UPDATE SET layout = $3, updated_at = now()
     RETURNING (extract(epoch FROM updated_at) * 1000)::float8 AS updated_ms`,
    [userName, name, JSON.stringify(layout), MAX_LAYOUTS_PER_USER],
  );
  const saved = rows[0];
  return saved ? { name, layout, updatedAtMs: saved.updated_ms } : null;
}

/** Deletes a layout; false when there was none of that name. */
export async function deleteLayout(db: Queryable, userName: string, name: string) {
  const { affected } = await db.query(
    'DELETE FROM live_layouts WHERE user_name = $1 AND name = $2',
    [userName, name],
  );
  return affected > 0;
}
