import type { Alert } from '../../api/controlRoom';
import { formatUtc } from '../../format';

/** Severity by icon and word as well as colour: colour alone fails colour-blind eyes. */
export const SEVERITY_ICON: Record<Alert['severity'], string> = {
  info: 'ℹ',
  warning: '▲',
  critical: '⬣',
};

export const SEVERITY_TONE: Record<Alert['severity'], 'ok' | 'warn' | 'bad'> = {
  info: 'ok',
  warning: 'warn',
  critical: 'bad',
};

/** "open" while pending or firing: those are what a desk acts on. */
export function isOpen(alert: Alert): boolean {
  return alert.status === 'pending' || alert.status === 'firing';
}

/** Whether the alert is on the shelf at `now`. */
export function isShelved(alert: Alert, now: number): boolean {
  return alert.shelvedUntilMs !== null && alert.shelvedUntilMs > now;
}

/** `wind=12.50, dir=171.00`: the values that made the alert, as written in its rule. */
export function formatValues(values: Alert['values']): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return '—';
  return entries
    .map(([name, value]) => `${name}=${value === null ? '—' : Number(value.toFixed(2))}`)
    .join(', ');
}

export function formatMaybe(ms: number | null): string {
  return ms === null ? '—' : formatUtc(ms);
}

export const SHELVE_CHOICES = ['1h', '8h', '24h'] as const;
