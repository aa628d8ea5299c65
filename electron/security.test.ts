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

  it('creates windows only with those preferences', () => {
    const main = fs.readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    const windows = main.match(/new BrowserWindow\(\{[\s\S]*?\}\);/g) ?? [];
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) expect(window).toMatch(/webPreferences: secureWebPreferences\(/);
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
