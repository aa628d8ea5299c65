import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Most node tests wait on brokers, databases and child processes rather than compute:
    // three files at once keep both cores of a CI machine busy (the default, one per spare
    // core, left them half idle).
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            '{core,infra,server,workers,cli,electron,tests/integration,tests/fuzz}/**/*.test.ts',
          ],
          globalSetup: ['tests/setup/kafka-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
