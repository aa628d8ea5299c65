import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isExternalLink,
  secureWebPreferences,
} from './security';

describe('Electron window security', () => {
  it('sandboxes every window, isolates its context and gives the page no Node.js', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('creates windows only with those preferences, in every file of the shell', () => {
    const sources = fs
      .readdirSync(new URL('.', import.meta.url))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(sources).toContain('main.ts');
    let windows = 0;
    for (const name of sources) {
      const source = fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
      // Every construction, whatever its form, and every options object given to one.
      const constructions = source.match(/new BrowserWindow\b/g) ?? [];
      const literal = source.match(/new BrowserWindow\(\{[\s\S]*?\n {0,4}\}\);/g) ?? [];
      expect(literal.length, name).toBe(constructions.length);
      for (const window of literal) {
        expect(window, name).toMatch(/webPreferences: secureWebPreferences\(/);
        // Nothing after the secure preferences may override them.
        expect(window, name).not.toMatch(/webPreferences: \{/);
      }
      windows += literal.length;
    }
    expect(windows).toBeGreaterThan(0);
  });

  it('lets the page reach only the bridge of the IPC contract', () => {
    const preload = fs.readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('firnDesktop', bridge\)/);
    // Messages from main are checked against the contract before they touch the page.
    expect(preload).toMatch(/ipcEvents\['firn:open-route'\]\.safeParse\(raw\)/);
  });

  it('has a strict CSP: own origin only, no inline or eval script, no objects, no framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('keeps navigation on the control room and opens only http(s) links outside', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8787/live', 'http://127.0.0.1:8787')).toBe(true);
    expect(isAllowedNavigation('https://example.org/', 'http://127.0.0.1:8787')).toBe(false);
    expect(isExternalLink('https://www.dwd.de/')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });
});
