import { nextTheme, useUi } from '../state/ui';
import type { ThemeChoice } from '../state/ui';

const LABEL: Record<ThemeChoice, string> = { dark: 'Dark', light: 'Light', system: 'System' };

/** Cycles dark → light → system (system follows prefers-color-scheme). */
export function ThemeToggle() {
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  return (
    <button
      type="button"
      className="theme-toggle"
      data-testid="theme-toggle"
      data-theme-choice={theme}
      title="Switch the color theme"
      onClick={() => setTheme(nextTheme(theme))}
    >
      <span className="theme-icon" aria-hidden="true">
        ◐
      </span>
      {LABEL[theme]}
    </button>
  );
}
