import {
  defaultPreferences,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '../../core/contracts/preferences';
import type { Queryable } from '../db/types';

/** A user's notification preferences; the defaults (no channels) when never set. */
export async function getPreferences(
  db: Queryable,
  userName: string,
): Promise<NotificationPreferences> {
  const { rows } = await db.query<{ preferences: unknown }>(
    'SELECT preferences FROM notification_preferences WHERE user_name = $1',
    [userName],
  );
  if (!rows[0]) return defaultPreferences;
  // Checked on the way out too: a row written by an older version may lack new fields.
  const parsed = notificationPreferencesSchema.safeParse(rows[0].preferences);
  return parsed.success ? parsed.data : defaultPreferences;
}

export async function setPreferences(
  db: Queryable,
  userName: string,
  preferences: NotificationPreferences,
): Promise<void> {
  await db.query(
    `INSERT INTO notification_preferences (user_name, preferences) VALUES ($1, $2)
     ON CONFLICT (user_name) DO UPDATE SET preferences = $2, updated_at = now()`,
    [userName, JSON.stringify(preferences)],
  );
}
