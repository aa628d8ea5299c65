import { SignInPage } from './pages/SignInPage';
import { expect, test } from './support/station';

const PASSWORD = 'an operator password';

// The station runs one more CLI command (`firn user add`, a slow hash on purpose) before it starts.
test.slow();

test.use({
  stationEnv: { FIRN_AUTH: 'required' },
  stationUsers: { olga: { role: 'operator', password: PASSWORD } },
});

test('an operator signs in, sees name and role in the header, and signs out', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  // Nothing but public routes answer without a session.
  expect((await fetch(`${station.baseURL}api/v1/rules`)).status).toBe(401);
  await signIn.screenshot(testInfo, 'sign-in');

  await signIn.signIn('olga', 'not the password');
  await expect(signIn.error).toContainText('wrong user name or password');

  await signIn.signIn('olga', PASSWORD);
  await expect(signIn.screen).toHaveCount(0);
  await expect(signIn.user).toHaveText('olga');
  await expect(signIn.role).toHaveText('operator');
  await signIn.open('rules');
  await expect(page.getByTestId('rule-new')).toBeEnabled();
  await signIn.screenshot(testInfo, 'signed-in');

  await signIn.signOut();
  await page.reload();
  await expect(signIn.screen).toBeVisible();

  // The one failed sign-in above answered 401 in the console; nothing else may fail.
  expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
});
