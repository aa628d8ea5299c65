import { chromium, type Browser, type Page } from '@playwright/test';

/**
 * Debian's Chromium, headless, without a GPU, as on a hut PC: compositing and any WebGL
 * run in software (SwiftShader). `playwright install` browsers are never used.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** The panel a page opens with: what the Live page restores from its persisted selection. */
export interface PanelSelection {
  keys: string[];
  preset: '1h' | '24h' | '7d' | '30d' | '1y' | 'all';
}

/**
 * A fresh browser context (empty HTTP cache, empty storage) whose Live page restores the
 * given panel, as after an operator's reload. It goes through the page's own persisted
 * selection (zustand persist, key firn.selection), so the renderer needs no bench hook.
 */
export async function openPanelPage(
  browser: Browser,
  url: string,
  selection: PanelSelection,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the
  // functions we send to the page in calls to a `__name` helper that only exists in node.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(
    (persisted) => {
      localStorage.setItem('firn.selection', persisted);
    },
    JSON.stringify({ state: { ...selection, follow: true }, version: 0 }),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`plot: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`plot: page console: ${message.text()}`);
  });
  return page;
}

/** Resolves in the page once the chart's data-phase is one of `phases` (checked each frame). */
export async function waitForPhase(page: Page, phases: string[], timeoutMs = 60_000) {
  await page.waitForFunction(
    (wanted) => {
      const phase = document.querySelector('[data-testid=live-chart]')?.getAttribute('data-phase');
      return phase !== null && phase !== undefined && wanted.includes(phase);
    },
    phases,
    { timeout: timeoutMs, polling: 'raf' },
  );
}
