import { z } from 'zod';
import { notifyChannelSchema } from './notify';

// Each user's notification preferences, kept as data and edited in the app: where to be
// told (channels), what is worth telling (minimum severity) and when not to be woken
// (quiet hours, in the user's own time zone: people sleep on local time, unlike rules).

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const notificationPreferencesSchema = z.object({
  channels: z.array(notifyChannelSchema).max(20).default([]),
  /** Alerts below this severity are recorded but nobody is told. */
  minSeverity: z.enum(SEVERITIES).default('info'),
  /** Within these hours only critical alerts are sent; the rest are recorded, not sent. */
  quietHours: z
    .object({
      from: z.string().regex(CLOCK_TIME, 'a time of day, HH:MM'),
      to: z.string().regex(CLOCK_TIME, 'a time of day, HH:MM'),
      timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Vienna'),
    })
    .nullable()
    .default(null),
  /**
   * Storm control: after `maxMessages` notifications within `window`, the rest are held
   * and sent as one digest when the window has passed, instead of one message each.
   */
  storm: z
    .object({
      maxMessages: z.int().min(1).max(1000),
      window: z.string().regex(/^\d{1,5}(s|m|h)$/, 'a duration like 30s, 10m or 1h'),
    })
    .default({ maxMessages: 10, window: '10m' }),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const defaultPreferences: NotificationPreferences = notificationPreferencesSchema.parse({});

function minutesOf(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** Whether `atMs` falls in the quiet hours (a window may run over midnight). */
export function inQuietHours(preferences: NotificationPreferences, atMs: number): boolean {
  const quiet = preferences.quietHours;
  if (quiet === null) return false;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: quiet.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(atMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const now = part('hour') * 60 + part('minute');
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** Why a user is not told of an alert of `severity` at `atMs`, or null when they are. */
export function withheldBecause(
  preferences: NotificationPreferences,
  severity: SeverityLevel,
  atMs: number,
): string | null {
  if (preferences.channels.length === 0) return 'no notification channels set';
  if (SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(preferences.minSeverity)) {
    return `below the minimum severity ${preferences.minSeverity}`;
  }
  if (severity !== 'critical' && inQuietHours(preferences, atMs)) return 'in quiet hours';
  return null;
}
