import { LivePage } from './pages/LivePage';
import { expect, test } from './support/station';

const AIR_TEMPERATURE = 'sattelberg.aws.air_temperature';
const TEN_MINUTES = 10 * 60_000;

/** `count` observations at 10-minute spacing, ending `endOffset` steps before `end`. */
function batch(end: number, first: number, count: number, value: (i: number) => number) {
  return Array.from({ length: count }, (_, k) => {
    const i = first + k;
    return {
      datastream: AIR_TEMPERATURE,
      time: new Date(end - (11 - i) * TEN_MINUTES).toISOString(),
      value: value(i),
    };
  });
}

test('observations ingested while the page is open are plotted live', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const live = new LivePage(page);
  await live.goto();
  await expect(live.health('database')).toHaveAttribute('data-tone', 'ok');

  await live.pick(AIR_TEMPERATURE);
  // The seeded station has no observations yet: an empty range, said so.
  await expect(page.getByTestId('chart-empty')).toContainText('No data in this range');

  // Twelve 10-minute slots ending now; slots 6 and 7 stay empty, which must show as a gap.
  const end = Math.floor(Date.now() / TEN_MINUTES) * TEN_MINUTES;
  const value = (i: number) => Math.round((-4 + i * 0.75) * 100) / 100;
  const batches = [batch(end, 0, 3, value), batch(end, 3, 3, value), batch(end, 8, 4, value)];
  const sent: number[] = [];
  for (const observations of batches) {
    const answer = await station.ingest(observations);
    expect(answer).toMatchObject({ accepted: observations.length, rejected: [] });
    sent.push(...observations.map((o) => o.value));
    // Each batch shows up in the plot without any reload.
    await expect.poll(() => live.plottedValues()).toEqual(expect.arrayContaining(sent));
  }

  await expect(live.chart).toHaveAttribute('data-phase', 'ready');
  const values = await live.plottedValues();
  // All points in time order, with exactly one break (null) where slots 6–7 are missing.
  expect(values.filter((v) => v !== null)).toEqual(sent);
  expect(values.indexOf(null)).toBe(6);
  expect(values.filter((v) => v === null)).toHaveLength(1);
  // The picker's last value follows the live data (throttled, a few seconds at most).
  await expect(page.getByTestId(`datastream-last-${AIR_TEMPERATURE}`)).toHaveText(
    `${value(11).toFixed(2)} °C`,
  );

  const shot = testInfo.outputPath('live.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('live', { path: shot, contentType: 'image/png' });
  expect(consoleErrors).toEqual([]);
});

test('range presets, follow and health are wired to the page', async ({
  page,
  station,
  consoleErrors,
}) => {
  const live = new LivePage(page);
  await live.goto();
  await expect(live.health('database')).toContainText('pglite');
  await expect(live.health('outbox')).toContainText('0');

  await live.pick(AIR_TEMPERATURE);
  const end = Math.floor(Date.now() / TEN_MINUTES) * TEN_MINUTES;
  await station.ingest(batch(end, 9, 3, (i) => i));
  await expect.poll(() => live.plottedValues()).toEqual([9, 10, 11]);

  await live.rangePreset('7d').click();
  await expect(live.rangePreset('7d')).toHaveAttribute('aria-pressed', 'true');
  await live.waitForChart();
  // The refetched 7-day window holds the same stored points.
  await expect.poll(() => live.plottedValues()).toEqual([9, 10, 11]);

  await expect(live.followToggle).toHaveAttribute('aria-pressed', 'true');
  await live.followToggle.click();
  await expect(live.followToggle).toHaveAttribute('aria-pressed', 'false');
  expect(consoleErrors).toEqual([]);
});

/** Hot afternoons: above 25 °C fires an alert on the live data. */
const HOT_RULE = {
  id: 'e2e-live-hot',
  name: 'Hot at Sattelberg',
  visibility: 'everyone',
  scope: { t: AIR_TEMPERATURE },
  condition: { kind: 'threshold', of: 't', compare: { op: 'above', value: 25 } },
};

test('alerts and jobs are marked on the time axis of the panel', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${station.baseURL}api/v1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Firn-User': 'clara' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  // A job queued by hand before the page opens: marked where it was queued.
  const job = await post('jobs', {
    queue: 'jobs.sod',
    type: 'notify',
    params: { subject: 'e2e', text: 'a marker', channels: [] },
  });
  await post('rules', HOT_RULE);

  const live = new LivePage(page);
  await live.goto();
  await live.pick(AIR_TEMPERATURE);
  const jobMarker = live.marker('job', job.id);
  await expect(jobMarker).toHaveAttribute('href', `#/jobs/${job.id}`);
  await expect(live.markers('alert')).toHaveCount(0);

  // Hot values while the page is open: the alert's transition on the live socket brings
  // its marker, at the measurement time that started it.
  let sent = 0;
  await expect
    .poll(
      async () => {
        const time = new Date(Date.now() - 120_000 + sent++ * 1000).toISOString();
        await station.ingest([{ datastream: AIR_TEMPERATURE, time, value: 30 + sent }]);
        return live.markers('alert').count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const alert = live.markers('alert').first();
  await expect(alert).toHaveAttribute('href', /^#\/alerts\//);
  await expect(alert).toHaveAttribute('title', /e2e-live-hot/);
  // The hot values themselves are drawn, not only held: 1 s apart, they arrive one by one.
  await expect.poll(() => live.drawnLines()).toBeGreaterThan(0);
  // The job is still there: a reload of the events keeps what was marked.
  await expect(jobMarker).toHaveCount(1);
  const shot = testInfo.outputPath('live-markers.png');
  await live.chart.screenshot({ path: shot });
  await testInfo.attach('live-markers', { path: shot, contentType: 'image/png' });
  expect(consoleErrors).toEqual([]);
});
