// The whole test suite in one command: builds the UI once, runs the vitest projects (node,
// with a real Kafka broker started by the global setup, and jsdom), then Playwright in
// Chromium, and ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Not test-results/: Playwright empties its output folder when it starts.
const resultsDir = path.resolve('.test-reports');
fs.mkdirSync(resultsDir, { recursive: true });
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const bin = (name) => path.join('node_modules', '.bin', name);
let failedSteps = 0;

if (run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) !== 0)
  failedSteps += 1;

const vitestJson = path.join(resultsDir, 'vitest.json');
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const playwrightJson = path.join(resultsDir, 'playwright.json');
const playwrightStatus = run(bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (fs.existsSync(playwrightJson)) {
  const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
if (vitestStatus !== 0 && failed === 0) failedSteps += 1;
if (playwrightStatus !== 0 && failed === 0) failedSteps += 1;
console.log(`\n${passed} passed, ${failed + failedSteps} failed, ${skipped} skipped`);
process.exit(vitestStatus || playwrightStatus || failedSteps ? 1 : 0);
