import { create } from 'zustand';

/** The pages of the control room, each at `#/<page>`. Live is the default. */
export const PAGES = [
  'live',
  'rules',
  'alerts',
  'jobs',
  'reports',
  'operations',
  'settings',
] as const;
export type PageName = (typeof PAGES)[number];

export const PAGE_LABELS: Record<PageName, string> = {
  live: 'Live',
  rules: 'Rules',
  alerts: 'Alerts',
  jobs: 'Jobs',
  reports: 'Reports',
  operations: 'Operations',
  settings: 'Settings',
};

/** `#/rules` → rules; anything unknown (or no hash) → live. */
export function pageFromHash(hash: string): PageName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'live';
}

export function hashOf(page: PageName): string {
  return `#/${page}`;
}

export interface RouteState {
  page: PageName;
  /** Follows the address bar; called on hashchange. */
  sync(hash: string): void;
  navigate(page: PageName): void;
}

export const useRoute = create<RouteState>()((set) => ({
  page: typeof location === 'undefined' ? 'live' : pageFromHash(location.hash),
  sync: (hash) => set({ page: pageFromHash(hash) }),
  navigate: (page) => {
    if (typeof location !== 'undefined' && location.hash !== hashOf(page)) {
      location.hash = hashOf(page);
    }
    set({ page });
  },
}));

/** `g` then one of these letters jumps to a page, as in many web consoles. */
export const SHORTCUT_KEYS: Record<string, PageName> = {
  l: 'live',
  r: 'rules',
  a: 'alerts',
  j: 'jobs',
  // Not the first letter: r is rules. e as in evaluation.
  e: 'reports',
  o: 'operations',
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
