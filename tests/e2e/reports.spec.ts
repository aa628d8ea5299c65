import fs from 'node:fs';
import path from 'node:path';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { ReportsPage } from './pages/ReportsPage';
import { repoRoot } from './support/process';
import { expect, test } from './support/station';

/** One real day of the crest: 22 February 2017, when its anemometer iced up (0 m/s, vane at 283°). */
function sattelbergDay(day: string) {
  const file = path.join(
    repoRoot,
    '..',
    'shared',
    'data',
    'sattelberg',
    'sattelberg_10min_2017.csv',
  );
  const reader = createSattelbergReader({ station: 'sattelberg', instrument: 'aws' });
  const records = [...reader.feed(fs.readFileSync(file, 'utf8')), ...reader.end()];
  return records
    .flatMap((record) => record.observations)
    .filter((o) => new Date(o.timeMs).toISOString().startsWith(day))
    .map((o) => ({
      datastream: o.datastream,
      time: new Date(o.timeMs).toISOString(),
      value: o.value,
    }));
}

test('an evaluation run by hand shows its progress, its report, and downloads as CSV and HTML', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const observations = sattelbergDay('2017-02-22');
  expect((await station.ingest(observations)).accepted).toBe(observations.length);

  const reports = new ReportsPage(page);
  await reports.goto();
  await expect(page.getByTestId('reports-empty')).toBeVisible();

  await reports.runEvaluation(['sattelberg'], '2017-02-22', '2017-02-22');
  await expect(reports.progress).toBeVisible();
  await expect(reports.view).toBeVisible({ timeout: 60_000 });
  await expect(reports.progress).toHaveAttribute('data-state', 'succeeded');
  const reportId = await reports.view.getAttribute('data-report');
  await expect(page.getByTestId(`report-row-${reportId}`)).toBeVisible();
  await expect(page.getByTestId('report-window')).toHaveText(
    '2017-02-22 00:00Z – 2017-02-23 00:00Z',
  );
  const present = observations.filter((o) => o.datastream === 'sattelberg.aws.wind_speed').length;
  await expect(page.getByTestId('completeness-sattelberg.aws.wind_speed')).toContainText(
    `${present} / 144`,
  );
  await expect(
    reports.findings('stuck').filter({ hasText: 'sattelberg.aws.wind_speed' }),
  ).toHaveCount(1);
  await expect(
    reports.findings('stuck').filter({ hasText: 'sattelberg.aws.wind_direction' }),
  ).toContainText('value 283');
  await reports.screenshot(testInfo, 'reports');

  const csv = await reports.downloadCsv();
  expect(csv.name).toBe(`${reportId}.csv`);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toMatch(/^type,datastream,check,from,to,count,/);
  expect(lines.some((l) => l.startsWith('finding,sattelberg.aws.wind_speed,stuck,'))).toBe(true);
  expect(lines.filter((l) => l.startsWith('statistics,')).length).toBeGreaterThanOrEqual(5);

  const printable = await reports.openPrintable();
  await expect(printable.locator('h1')).toHaveText('Evaluation report sattelberg');
  await expect(printable.locator('h2')).toHaveText([
    'Completeness against the cadence',
    'Findings',
    'Statistics',
    'Station comparison',
  ]);
  await printable.close();
  expect(consoleErrors).toEqual([]);
});
