import { create } from 'zustand';

/** The pages of the control room, each at `#/<page>`. Live is the default. */
export const PAGES = [
  'live',
  'stations',
  'rules',
  'alerts',
  'jobs',
  'reports',
  'operations',
  'uploads',
  'settings',
] as const;
export type PageName = (typeof PAGES)[number];

export const PAGE_LABELS: Record<PageName, string> = {
  live: 'Live',
  stations: 'Stations',
  rules: 'Rules',
  alerts: 'Alerts',
  jobs: 'Jobs',
  reports: 'Reports',
  operations: 'Operations',
  uploads: 'Upload',
  settings: 'Settings',
};

/** `#/rules` → rules; anything unknown (or no hash) → live. */
export function pageFromHash(hash: string): PageName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'live';
}

/**
 * `#/jobs/j-42` → `j-42`: the item a page should open (links from alerts and schedules
 * point at one job). Null when the hash names only a page.
 */
export function detailFromHash(hash: string): string | null {
  const segment = hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[1] ?? '';
  if (segment === '') return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function hashOf(page: PageName, detail: string | null = null): string {
  return detail === null ? `#/${page}` : `#/${page}/${encodeURIComponent(detail)}`;
}

export interface RouteState {
  page: PageName;
  /** The item of the page named in the address (`#/jobs/<id>`), or null. */
  detail: string | null;
  /** Follows the address bar; called on hashchange. */
  sync(hash: string): void;
  navigate(page: PageName, detail?: string | null): void;
}

export const useRoute = create<RouteState>()((set) => ({
  page: typeof location === 'undefined' ? 'live' : pageFromHash(location.hash),
  detail: typeof location === 'undefined' ? null : detailFromHash(location.hash),
  sync: (hash) => set({ page: pageFromHash(hash), detail: detailFromHash(hash) }),
  navigate: (page, detail = null) => {
    if (typeof location !== 'undefined' && location.hash !== hashOf(page, detail)) {
      location.hash = hashOf(page, detail);
    }
    set({ page, detail });
  },
}));

/** `g` then one of these letters jumps to a page, as in many web consoles. */
export const SHORTCUT_KEYS: Record<string, PageName> = {
  l: 'live',
  // Not the first letter: s is settings. t as in sTations.
  t: 'stations',
  r: 'rules',
  a: 'alerts',
  j: 'jobs',
  // Not the first letter: r is rules. e as in evaluation.
  e: 'reports',
  o: 'operations',
  u: 'uploads',
  s: 'settings',
};

/** The `g` shortcut letter of a page: the mapping above, which is not always the first letter. */
export function shortcutOf(page: PageName): string {
  return Object.keys(SHORTCUT_KEYS).find((key) => SHORTCUT_KEYS[key] === page) ?? '';
}

/**
 * The two-key shortcut machine: returns the page to go to, or null. `pending` is whether
 * `g` was pressed just before (within `windowMs`).
 */
export function shortcutStep(
  state: { gAt: number | null },
  key: string,
  now: number,
  windowMs = 1500,
): { gAt: number | null; page: PageName | null } {
  if (state.gAt !== null && now - state.gAt <= windowMs) {
    const page = SHORTCUT_KEYS[key] ?? null;
    if (page !== null || key !== 'g') return { gAt: null, page };
  }
  return { gAt: key === 'g' ? now : null, page: null };
}
