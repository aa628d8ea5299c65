import fs from 'node:fs';
import path from 'node:path';
import { UploadsPage } from './pages/UploadsPage';
import { repoRoot } from './support/process';
import { expect, test } from './support/station';

// Starting the station (seeded database, server) takes most of a minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** The header and first day (144 ten-minute lines) of the real Sattelberg 2017 file. */
function sattelbergFirstDay(): string {
  const file = path.join(
    repoRoot,
    '..',
    'shared',
    'data',
    'sattelberg',
    'sattelberg_10min_2017.csv',
  );
  return fs.readFileSync(file, 'utf8').split('\n').slice(0, 145).join('\n') + '\n';
}

test('uploads a real station file, then fixes a rejected row in the quarantine', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const uploads = new UploadsPage(page);
  await uploads.goto();
  await expect(page.getByTestId('quarantine-empty')).toBeVisible();

  // A slice of the real file, told by its name: station sattelberg, instrument aws.
  await uploads.upload('sattelberg_10min_2017.csv', sattelbergFirstDay());
  const first = await uploads.result('sattelberg_10min_2017.csv');
  expect(first.accepted).toBeGreaterThan(500); // 144 lines × 5 values, less the missing ones
  expect(first).toMatchObject({ duplicates: 0, rejected: 0 });
  await expect(
    uploads.item('sattelberg_10min_2017.csv').getByTestId('upload-summary'),
  ).toContainText('sattelberg → sattelberg.aws');

  // A CSV with one bad value: two rows accepted, one rejected with its reason, quarantined.
  const bad = [
    'datastream,time,value',
    'sattelberg.aws.air_temperature,2018-03-01T00:00:00Z,-3.5',
    'sattelberg.aws.air_temperature,2018-03-01T00:10:00Z,warm',
    'sattelberg.aws.air_temperature,2018-03-01T00:20:00Z,-3.7',
  ].join('\n');
  await uploads.upload('bad-row.csv', bad);
  expect(await uploads.result('bad-row.csv')).toEqual({ accepted: 2, duplicates: 0, rejected: 1 });
  await expect(uploads.item('bad-row.csv').getByTestId('upload-rejection')).toContainText('warm');

  const row = uploads.quarantinedRow('warm');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('quarantine-row-raw')).toContainText('2018-03-01T00:10:00Z');
  await uploads.screenshot(testInfo, 'uploads');

  await uploads.fix(
    row,
    '{"datastream":"sattelberg.aws.air_temperature","time":"2018-03-01T00:10:00Z","value":-3.6}',
  );
  await expect(page.getByTestId('quarantine-closed')).toHaveText(/^Row \d+ fixed\.$/);
  await expect(page.getByTestId('quarantine-empty')).toBeVisible();

  // The fixed row is stored: the series now holds all three values of that half hour.
  const series = await page.request.get(
    `${station.baseURL}api/v1/datastreams/sattelberg.aws.air_temperature/observations?from=2018-03-01T00:00:00Z&to=2018-03-01T00:30:00Z`,
  );
  expect(series.status()).toBe(200);
  expect((await series.json()).v).toEqual([-3.5, -3.6, -3.7]);
  expect(consoleErrors).toEqual([]);
});
