import { routeHashSchema } from '../core/contracts/ipc';

/**
 * The control room's pages as the desktop menu lists them, with the letter of their `g x`
 * keyboard shortcut. A copy of renderer/src/state/route.ts (electron/ may not import the
 * renderer); routes.test.ts fails when the two drift apart.
 */
export const DESKTOP_PAGES = [
  { page: 'live', label: 'Live', key: 'l' },
  { page: 'stations', label: 'Stations', key: 't' },
  { page: 'rules', label: 'Rules', key: 'r' },
  { page: 'alerts', label: 'Alerts', key: 'a' },
  { page: 'jobs', label: 'Jobs', key: 'j' },
  { page: 'reports', label: 'Reports', key: 'e' },
  { page: 'operations', label: 'Operations', key: 'o' },
  { page: 'uploads', label: 'Upload', key: 'u' },
  { page: 'settings', label: 'Settings', key: 's' },
] as const;

export type DesktopPage = (typeof DESKTOP_PAGES)[number]['page'];

export function pageHash(page: DesktopPage): string {
  return routeHashSchema.parse(`#/${page}`);
}

/** `#/alerts/<id>`, encoded as the renderer's hashOfAlert does. */
export function alertHash(alertId: string): string {
  return routeHashSchema.parse(`#/alerts/${encodeURIComponent(alertId)}`);
}
