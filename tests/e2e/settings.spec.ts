import { SettingsPage } from './pages/SettingsPage';
import { expect, test } from './support/station';

test('preferences are saved for the user the app acts as, with server errors shown', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(page.getByTestId('user-current')).toHaveText('now: local');
  await settings.actAs('clara');

  await settings.field('channel-add').click();
  await settings.field('channel-kind-0').selectOption('webhook');
  await settings.field('channel-target-0').fill('not a url');
  await settings.field('min-severity').selectOption('warning');
  await settings.save();
  await expect(settings.saveError).toContainText('url');

  await settings.field('channel-target-0').fill('https://hooks.example.org/firn');
  await settings.field('channel-format-0').selectOption('slack');
  await settings.field('quiet').check();
  await settings.field('quiet-from').fill('22:00');
  await settings.field('quiet-to').fill('06:00');
  await settings.field('time-zone').fill('Mars/Olympus');
  await settings.save();
  await expect(settings.saveError).toContainText('time zone');

  await settings.field('time-zone').fill('Europe/Vienna');
  await settings.save();
  await expect(settings.saved).toBeVisible();
  await expect(settings.saveError).toHaveCount(0);
  await settings.screenshot(testInfo, 'settings');

  // Stored for clara (the X-Firn-User header), and shown again after a reload.
  const stored = await (await fetch(`${station.baseURL}api/v1/users/clara/preferences`)).json();
  expect(stored).toMatchObject({
    channels: [{ kind: 'webhook', url: 'https://hooks.example.org/firn', format: 'slack' }],
    minSeverity: 'warning',
    quietHours: { from: '22:00', to: '06:00', timeZone: 'Europe/Vienna' },
  });
  await page.reload();
  await expect(page.getByTestId('user-current')).toHaveText('now: clara');
  await expect(settings.field('time-zone')).toHaveValue('Europe/Vienna');
  // The refused saves above are the browser's own 400 notes; nothing else may be logged.
  const expected = /status of 400 .*\/api\/v1\/users\/clara\/preferences/;
  expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
});
