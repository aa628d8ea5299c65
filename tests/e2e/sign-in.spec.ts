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
  // The screen is outside the pages' forms: its fields still take the theme's colours.
  const colours = await signIn.fieldColours();
  expect(colours.field).toEqual(colours.theme);

  await signIn.signIn('olga', 'not the password');
  await expect(signIn.error).toContainText('wrong user name or password');

  await signIn.signIn('olga', PASSWORD);
  await expect(signIn.screen).toHaveCount(0);
  await expect(signIn.user).toHaveText('olga');
  await expect(signIn.role).toHaveText('operator');
  await signIn.open('rules');
  await expect(page.getByTestId('rule-new')).toBeEnabled();
  await signIn.screenshot(testInfo, 'signed-in');

  // Settings are the signed-in user's: no "act as user" switch, who is signed in instead.
  await signIn.go('settings');
  await expect(page.getByTestId('user-signed-in')).toContainText('olga');
  await expect(page.getByTestId('user-name')).toHaveCount(0);

  // The session ends on the server (as when it expires): the browser still holds its
  // cookie, and the next request brings the sign-in screen back, without a reload.
  const cookie = (await page.context().cookies())
    .map(({ name, value }) => `${name}=${value}`)
    .join('; ');
  const ended = await fetch(`${station.baseURL}api/v1/session`, {
    method: 'DELETE',
    headers: { cookie },
  });
  expect(ended.status).toBe(204);
  await signIn.navLink('jobs').click();
  await expect(signIn.screen).toBeVisible();
  await expect(signIn.error).toContainText('session ended');
  await signIn.signIn('olga', PASSWORD);
  await expect(signIn.screen).toHaveCount(0);
  await expect(signIn.user).toHaveText('olga');

  await signIn.signOut();
  await page.reload();
  await expect(signIn.screen).toBeVisible();

  // The failed sign-in and the requests after the session ended answered 401 in the
  // console; so may a live-socket reconnect in that moment, which Chromium words as
  // "HTTP Authentication failed". Nothing else may fail.
  const refused =
    /401|WebSocket connection to .*\/api\/v1\/live' failed: HTTP Authentication failed/;
  expect(consoleErrors.filter((e) => !refused.test(e))).toEqual([]);
});
