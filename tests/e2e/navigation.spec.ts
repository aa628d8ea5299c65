import { ControlRoom } from './pages/ControlRoom';
import { expect, test } from './support/station';

test('Live is the default page; links and g-shortcuts switch pages', async ({
  page,
  consoleErrors,
}) => {
  const room = new ControlRoom(page);
  await page.goto('/');
  await expect(room.navLink('live')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('live-page')).toBeVisible();

  await room.go('alerts');
  await expect(page.getByTestId('alerts-empty')).toContainText('No open alerts');
  await expect(page).toHaveURL(/#\/alerts$/);

  const shortcuts = [
    ['r', 'rules', 'rules-page'],
    ['j', 'jobs', 'jobs-page'],
    ['s', 'settings', 'settings-page'],
    ['a', 'alerts', 'alerts-page'],
    ['l', 'live', 'live-page'],
  ] as const;
  for (const [key, name, testId] of shortcuts) {
    await page.locator('body').press('g');
    await page.locator('body').press(key);
    await expect(room.navLink(name)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId(testId)).toBeVisible();
  }
  // Back goes to the previous page, as with any link.
  await page.goBack();
  await expect(room.navLink('alerts')).toHaveAttribute('aria-current', 'page');
  expect(consoleErrors).toEqual([]);
});
