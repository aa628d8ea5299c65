import { describe, expect, it } from 'vitest';
import { PAGES, pageFromHash, SHORTCUT_KEYS, shortcutOf, shortcutStep } from '../../state/route';

describe('the Reports page in the navigation', () => {
  it('is at #/reports and on g e (r is rules)', () => {
    expect(pageFromHash('#/reports')).toBe('reports');
    expect(shortcutOf('reports')).toBe('e');
    expect(shortcutStep({ gAt: 1000 }, 'e', 1500).page).toBe('reports');
    expect(shortcutStep({ gAt: 1000 }, 'r', 1500).page).toBe('rules');
  });

  it('gives every page exactly one shortcut letter', () => {
    const letters = PAGES.map(shortcutOf);
    expect(letters.every((letter) => letter.length === 1)).toBe(true);
    expect(new Set(letters).size).toBe(PAGES.length);
    expect(Object.keys(SHORTCUT_KEYS)).toHaveLength(PAGES.length);
  });
});
