import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against a real `firn start` per test (see tests/e2e/support/station.ts),
 * in the Chromium of the OS: `playwright install` downloads are not used here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results',
  retries: 0,
  workers: 2,
  // Every test has its own station (server, database), so tests of one file can run in parallel.
  fullyParallel: true,
  reporter: 'list',
  // Each test starts its own station (database seeding included), which takes seconds.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
