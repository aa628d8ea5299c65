import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertHash, DESKTOP_PAGES, pageHash } from './routes';

// electron/ may not import the renderer, so its route table is read as text.
const routeSource = fs.readFileSync(
  new URL('../renderer/src/state/route.ts', import.meta.url),
  'utf8',
);

function objectLiteral(name: string): Record<string, string> {
  const body = new RegExp(`export const ${name}[^=]*= \\{([\\s\\S]*?)\\};`).exec(routeSource)?.[1];
  if (!body) throw new Error(`${name} not found in renderer/src/state/route.ts`);
  return Object.fromEntries([...body.matchAll(/^\s*(\w+): '([^']+)',/gm)].map((m) => [m[1], m[2]]));
}

describe('desktop pages', () => {
  it('lists the pages of the renderer, with its labels and g-shortcut letters', () => {
    const labels = objectLiteral('PAGE_LABELS');
    const shortcuts = objectLiteral('SHORTCUT_KEYS');
    expect(Object.keys(labels)).toHaveLength(DESKTOP_PAGES.length);
    expect(DESKTOP_PAGES.map((p) => p.page)).toEqual(Object.keys(labels));
    for (const { page, label, key } of DESKTOP_PAGES) {
      expect(labels[page]).toBe(label);
      expect(shortcuts[key]).toBe(page);
    }
    expect(Object.keys(shortcuts)).toHaveLength(DESKTOP_PAGES.length);
  });

  it('builds the hashes the renderer routes on', () => {
    expect(pageHash('reports')).toBe('#/reports');
    expect(alertHash('a-42')).toBe('#/alerts/a-42');
    expect(alertHash('störung/1')).toBe('#/alerts/st%C3%B6rung%2F1');
  });

  it('round-trips any alert id the contract accepts (1–200 characters) through its hash', () => {
    const ids = fc
      .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
      .filter((id) => id.length <= 200);
    fc.assert(
      fc.property(ids, (id) => {
        const hash = alertHash(id);
        expect(decodeURIComponent(hash.slice('#/alerts/'.length))).toBe(id);
      }),
    );
  });
});
