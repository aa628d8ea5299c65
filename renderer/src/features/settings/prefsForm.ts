import type { NotifyChannel } from '../../../../core/contracts/notify';
import type { NotificationPreferences } from '../../../../core/contracts/preferences';

// The preferences as the settings form edits them: flat texts, converted both ways.

export interface ChannelRow {
  kind: 'email' | 'webhook' | 'desktop';
  /** Comma-separated addresses for e-mail, the URL for a webhook; unused for desktop. */
  target: string;
  format: 'json' | 'slack';
}

export interface PrefsForm {
  channels: ChannelRow[];
  minSeverity: NotificationPreferences['minSeverity'];
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  timeZone: string;
}

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function formOf(preferences: NotificationPreferences): PrefsForm {
  const quiet = preferences.quietHours;
  return {
    channels: preferences.channels.map((c): ChannelRow => {
      if (c.kind === 'desktop') return { kind: 'desktop', target: '', format: 'json' };
      return c.kind === 'email'
        ? { kind: 'email', target: c.to.join(', '), format: 'json' }
        : { kind: 'webhook', target: c.url, format: c.format };
    }),
    minSeverity: preferences.minSeverity,
    quiet: quiet !== null,
    quietFrom: quiet?.from ?? '22:00',
    quietTo: quiet?.to ?? '06:00',
    timeZone: quiet?.timeZone ?? localZone(),
  };
}

/**
 * The document to PUT; the server checks it (addresses, URLs, times, zone) and says what
 * is wrong. Fields the form does not edit are kept as loaded (`base`).
 */
export function preferencesOf(
  form: PrefsForm,
  base: NotificationPreferences,
): NotificationPreferences {
  return {
    ...base,
    channels: form.channels.map(channelOf),
    minSeverity: form.minSeverity,
    quietHours: form.quiet
      ? { from: form.quietFrom, to: form.quietTo, timeZone: form.timeZone.trim() }
      : null,
  };
}

function channelOf(row: ChannelRow): NotifyChannel {
  if (row.kind === 'desktop') return { kind: 'desktop' };
  if (row.kind === 'webhook')
    return { kind: 'webhook', url: row.target.trim(), format: row.format };
  const to = row.target
    .split(/[,\s]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return { kind: 'email', to };
}
