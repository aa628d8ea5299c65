import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JobsPage } from './pages/JobsPage';
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
