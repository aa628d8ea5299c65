import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JobsPage } from './pages/JobsPage';
import { LivePage } from './pages/LivePage';
import { expect, test } from './support/station';

/** A webhook that takes the request and never answers: the notify job stays running. */
async function silentWebhook(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('a job submitted by hand is listed, shows its detail and is cancelled', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const jobs = new JobsPage(page);
  await jobs.goto();
  await expect(page.getByTestId('jobs-empty')).toBeVisible();

  const webhook = await silentWebhook();
  try {
    const response = await fetch(`${station.baseURL}api/v1/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Firn-User': 'clara' },
      body: JSON.stringify({
        queue: 'jobs.sod',
        type: 'notify',
        params: {
          subject: 'e2e',
          text: 'a job to cancel',
          channels: [{ kind: 'webhook', url: webhook.url }],
        },
      }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };

    await page.getByTestId('jobs-refresh').click();
    await expect(jobs.row(id)).toHaveAttribute('data-state', /queued|running/);
    await expect(jobs.row(id)).toContainText('user clara');
    await jobs.openJob(id);
    await expect(jobs.detail).toHaveAttribute('data-state', /queued|running/);
    // The chosen job is in the address: a reload (or a link from an alert) opens it again.
    await expect(page).toHaveURL(new RegExp(`#/jobs/${id}$`));
    await page.reload();
    await expect(jobs.detail).toHaveAttribute('data-state', /queued|running/);
    await expect(jobs.row(id)).toHaveAttribute('aria-selected', 'true');
    await jobs.screenshot(testInfo, 'jobs');

    await jobs.cancel.click();
    await expect(page.getByTestId('job-detail-state')).toHaveText('cancelled');
    await expect(jobs.row(id)).toHaveAttribute('data-state', 'cancelled');
    await expect(jobs.cancel).toHaveCount(0);
  } finally {
    await webhook.close();
  }
  expect(consoleErrors).toEqual([]);
});

/** 8 m/s from the south every 10 minutes, 00:00–08:00 on 4 March 2017. */
function southerlyWind() {
  const start = Date.UTC(2017, 2, 4);
  return Array.from({ length: 49 }, (_, i) => i * 600_000 + start).flatMap((t) => [
    { datastream: 'sattelberg.aws.wind_speed', time: new Date(t).toISOString(), value: 8 },
    { datastream: 'sattelberg.aws.wind_direction', time: new Date(t).toISOString(), value: 180 },
  ]);
}

test('a back-trajectory run by hand shows its footprint and links to the live series', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  expect(await station.ingest(southerlyWind())).toMatchObject({ accepted: 98, rejected: [] });
  const jobs = new JobsPage(page);
  await jobs.goto();
  const run = {
    station: 'sattelberg',
    releaseEnd: '2017-03-04T06:00',
    releaseHours: 1,
    durationHours: 4,
    particles: 400,
    outputIntervalHours: 1,
  };

  // The form checks with the model's schema before anything is queued.
  await jobs.fillTrajectory({ ...run, durationHours: 300 });
  await jobs.submitTrajectory();
  await expect(page.getByTestId('trajectory-errors')).toContainText('Hours back');
  await expect(page.getByTestId('jobs-empty')).toBeVisible();

  await page.getByTestId('trajectory-duration').fill(String(run.durationHours));
  await jobs.submitTrajectory();
  // The new job is selected at once; its progress shows until it has finished.
  await expect(jobs.detail).toBeVisible();
  await expect(jobs.form).toHaveCount(0);
  await expect(page.getByTestId('job-detail-state')).toHaveText('succeeded', { timeout: 60_000 });

  await expect(jobs.footprintPlot).toHaveAttribute('data-phase', 'ready');
  expect(Number(await jobs.footprintPlot.getAttribute('data-cells'))).toBeGreaterThan(0);
  expect(Number(await jobs.footprintPlot.getAttribute('data-trajectories'))).toBeGreaterThan(0);
  const figure = await jobs.footprintFigure();
  expect(figure.images).toBe(1);
  expect(figure.traces).toEqual(
    expect.arrayContaining([
      'Residence time',
      expect.stringMatching(/^Particle paths \(\d+ sampled\)$/),
      'Centroid path',
      'Station',
    ]),
  );
  await jobs.screenshot(testInfo, 'jobs-footprint');
  // The map is redrawn in the other theme's colours (read from the CSS variables).
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'light');
  await expect(jobs.footprintPlot).toHaveAttribute('data-phase', 'ready');
  await expect.poll(() => jobs.footprintBackground()).toBe('rgb(255, 255, 255)');
  await jobs.screenshot(testInfo, 'jobs-footprint-light');

  await jobs.openLive.click();
  const live = new LivePage(page);
  await expect(live.option('sattelberg.aws.wind_speed')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('custom-range')).toContainText('2017-03-04 04:00 UTC');
  await live.waitForChart();
  await expect(live.chart).toHaveAttribute('data-phase', 'ready');
  await jobs.screenshot(testInfo, 'live-from-job');
  expect(consoleErrors).toEqual([]);
});
