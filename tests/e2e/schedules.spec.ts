import { JobsPage } from './pages/JobsPage';
import { SchedulesSection } from './pages/SchedulesSection';
import { expect, test } from './support/station';

test('a schedule is created in station time, run now, and its job is seen through', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const schedules = new SchedulesSection(page);
  await schedules.gotoSchedules();
  await schedules.actAs('clara');
  await expect(page.getByTestId('schedules-empty')).toBeVisible();

  // A bad time zone is refused with the server's reason, and nothing is stored.
  await schedules.scheduleField('add').click();
  await schedules.scheduleField('name').fill('Morning report');
  await schedules.scheduleField('time-zone').fill('Mars/Olympus');
  await schedules.scheduleField('save').click();
  await expect(schedules.scheduleField('save-error')).toContainText('time zone');
  await schedules.scheduleField('cancel').click();

  await schedules.create({ name: 'Morning report', at: '06:00', timeZone: 'Europe/Vienna' });
  await expect(schedules.rowPart('Morning report', 'next-run')).toContainText(
    '06:00 (Europe/Vienna)',
  );
  await expect(schedules.rowPart('Morning report', 'last-job')).toHaveAttribute(
    'data-state',
    'none',
  );

  await schedules.rowPart('Morning report', 'run').click();
  // The daily report of the day that just ended runs on the SoD worker of this station.
  await expect(schedules.rowPart('Morning report', 'last-job')).toHaveAttribute(
    'data-state',
    'succeeded',
    { timeout: 30_000 },
  );
  await expect(schedules.rowPart('Morning report', 'last-run')).toContainText('(Europe/Vienna)');
  await schedules.screenshot(testInfo, 'schedules');

  await schedules.rowPart('Morning report', 'toggle').click();
  await expect(schedules.row('Morning report')).toHaveAttribute('data-enabled', 'false');
  await expect(schedules.rowPart('Morning report', 'next-run')).toHaveText('—');

  const stored = await (await fetch(`${station.baseURL}api/v1/schedules`)).json();
  const jobId: string = stored.schedules[0].lastJobId;
  const jobs = new JobsPage(page);
  await jobs.go('jobs');
  await expect(jobs.row(jobId)).toBeVisible();
  await jobs.openJob(jobId);
  await expect(page.getByTestId('job-detail-state')).toHaveText('succeeded');

  // A link to an alert (`#/alerts/<id>`, as in notifications) opens its detail.
  await page.goto('/#/alerts/no-such-alert');
  await expect(page.getByTestId('alert-detail-error')).toContainText('not found');

  // The refused save and the unknown alert are the browser's own notes; nothing else.
  const expected = /status of (400 .*\/api\/v1\/schedules|404 .*\/api\/v1\/alerts\/no-such-alert)/;
  expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
});
