import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { HealthBar } from './pages/HealthBar';
import { expect, test } from './support/broker';
import type { Station } from './support/station';

const AIR_TEMPERATURE = 'sattelberg.aws.air_temperature';
const MINUTE = 60_000;
/** The station's Kafka client backs off up to 10 s between attempts; a JVM start adds more. */
const RECOVERY = { timeout: 60_000 };

/** Ingests `batches` × `rows` observations at distinct minutes: none is a duplicate. */
async function ingestBatches(station: Station, batches: number, rows: number): Promise<number> {
  for (let b = 0; b < batches; b += 1) {
    const start = Date.UTC(2025, 0, 1) + b * rows * MINUTE;
    const observations = Array.from({ length: rows }, (_, i) => ({
      datastream: AIR_TEMPERATURE,
      time: new Date(start + i * MINUTE).toISOString(),
      value: Math.round((-8 + (i % 160) / 10) * 10) / 10,
    }));
    // Ingest keeps acknowledging: the outbox is the hut's buffer, not a reason to refuse.
    expect(await station.ingest(observations)).toMatchObject({ accepted: rows, rejected: [] });
  }
  return batches * rows;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The header shows exactly what was acknowledged as buffered, in words and with the cause. */
async function expectOffline(health: HealthBar, total: number, page: Page, testInfo: TestInfo) {
  await expect.poll(() => health.bufferedCount()).toBe(total);
  await expect(health.offline).toContainText(`offline: ${total.toLocaleString('en-US')} buffered`);
  await expect(health.offline).toHaveAttribute('title', /unreachable: .+oldest has waited/);
  await expect(health.panel).toHaveAttribute('data-outbox', 'offline');
  await expect(health.bus).toHaveAttribute('data-tone', 'bad');
  await screenshot(page, testInfo, 'offline');
}

/** Back to the plain chips, Outbox 0 and the bus ok, via a drain or straight (fast relay). */
async function expectRecovered(health: HealthBar, station: Station, testInfo: TestInfo) {
  // Whichever comes first once the bus is back; a drain caught on screen is kept as evidence.
  await expect(health.drain.or(health.outbox)).toBeVisible(RECOVERY);
  if (await health.drain.isVisible()) await screenshot(health.page, testInfo, 'draining');
  await expect(health.offline).toBeHidden(RECOVERY);
  await expect(health.outbox).toHaveText(/^Outbox\s*0$/, RECOVERY);
  await expect(health.bus).toHaveAttribute('data-tone', 'ok');
  await expect(health.bus).toContainText('kafka');
  await expect(health.panel).toHaveAttribute('data-outbox', 'normal');
  const answer = await (await fetch(`${station.baseURL}api/health`)).json();
  expect(answer).toMatchObject({ bus: { ok: true, kind: 'kafka' }, outbox: { backlog: 0 } });
  await screenshot(health.page, testInfo, 'recovered');

  const states = await health.outboxStates();
  const log = testInfo.outputPath('outbox-states.txt');
  const lines = states.map((s) => `+${s.ms} ms  ${s.phase}  ${s.text}  ${s.progress ?? ''}`);
  fs.writeFileSync(log, `${lines.join('\n')}\n`);
  await testInfo.attach('outbox-states', { path: log, contentType: 'text/plain' });
  const phases = states.map((s) => s.phase);
  expect(phases[0]).toBe('offline');
  expect(phases.at(-1)).toBe('normal');
  // Once the bus is back the header never claims offline again.
  expect(phases.slice(phases.findIndex((p) => p !== 'offline'))).not.toContain('offline');
  const drains = states.filter((s) => s.phase === 'draining');
  for (const drain of drains) expect(drain.text).toMatch(/draining: [\d,]+ left/);
  // Progress only goes forward during a drain with no new ingest.
  const progress = drains.map((s) => s.progress ?? -1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  const drained = phases.includes('draining') ? 'seen' : 'too fast for the 1 s poll';
  testInfo.annotations.push({ type: 'drain', description: drained });
}

test('a hut that boots with its broker away buffers, then drains when it appears', async ({
  page,
  station,
  broker,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(240_000);
  const health = new HealthBar(page);
  await page.goto('/');
  // Nothing listens on the broker's port yet: offline from the first answer.
  await expect(health.offline).toContainText('offline: 0 buffered');
  await health.recordOutboxStates();

  const total = await ingestBatches(station, 5, 2000);
  await expectOffline(health, total, page, testInfo);

  await broker.start();
  await expectRecovered(health, station, testInfo);
  expect(consoleErrors).toEqual([]);
});

test.describe('with the broker up at start', () => {
  test.use({ brokerAtStart: true });

  test('a broker that goes away mid-run: buffered, then drained', async ({
    page,
    station,
    broker,
    consoleErrors,
  }, testInfo) => {
    test.setTimeout(240_000);
    const health = new HealthBar(page);
    await page.goto('/');
    await expect(health.outbox).toHaveText(/^Outbox\s*0$/);
    await expect(health.bus).toHaveAttribute('data-tone', 'ok');

    await broker.stop();
    // The offline state appears within a poll or two of health noticing.
    await expect(health.offline).toBeVisible({ timeout: 30_000 });
    await health.recordOutboxStates();
    // More than one relay round (20,000 rows), so the drain has a chance to be seen.
    const total = await ingestBatches(station, 5, 20_000);
    await expectOffline(health, total, page, testInfo);

    await broker.start();
    await expectRecovered(health, station, testInfo);
    expect(consoleErrors).toEqual([]);
  });
});
