import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Dark is the default: control desks run in dim rooms, around the clock. */
export type ThemeChoice = 'dark' | 'light' | 'system';

export interface UiState {
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      theme: 'dark',
      setTheme: (theme) => {
        // Applied synchronously, before any effect reads the CSS variables (the chart does).
        applyTheme(theme);
        set({ theme });
      },
    }),
    { name: 'firn.ui', storage: createJSONStorage(() => localStorage) },
  ),
);

/** The scheme actually in effect, resolving 'system' through prefers-color-scheme. */
export function resolvedScheme(theme: ThemeChoice): 'dark' | 'light' {
  if (theme !== 'system') return theme;
  const prefersLight =
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches;
  return prefersLight ? 'light' : 'dark';
}

/** Mirrors the choice onto <html data-theme>, where the CSS variables are switched. */
export function applyTheme(theme: ThemeChoice): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

export const THEME_ORDER: readonly ThemeChoice[] = ['dark', 'light', 'system'];

export function nextTheme(theme: ThemeChoice): ThemeChoice {
  return THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length] ?? 'dark';
}
