import { OperationsPage } from './pages/OperationsPage';
import { AIRGLOW, expect, test } from './support/instrument';

// The simulated imager ingests its state as station zugspitze, with a token of its own.
test.use({ tokenStations: ['zugspitze'] });
// Two tokens and a station to set up before the page opens: more than a plain spec's time.
test.describe.configure({ timeout: 180_000 });

/**
 * A rule on the imager's own data proposes standby. Its class allows automatic execution,
 * but no operator enabled that for this rule: the proposal waits for an approval.
 */
const STANDBY_RULE = {
  id: 'e2e-rest-imager',
  name: 'Rest the imager',
  visibility: 'everyone',
  scope: { sky: `${AIRGLOW}.sky_brightness` },
  // Any brightness the simulator reports counts (it is never negative, and reaches 1e9 and
  // more by day): the rule fires on its first value, whatever the time of the run.
  condition: { kind: 'threshold', of: 'sky', compare: { op: 'above', value: -1 } },
  actions: [
    {
      queue: 'jobs.ood',
      type: 'instrument-command',
      params: { instrument: AIRGLOW, command: 'standby', params: {} },
    },
  ],
};

test('a rule proposes a command, an operator approves it, the imager runs it exactly once', async ({
  page,
  station,
  instrument,
  consoleErrors,
}, testInfo) => {
  const ops = new OperationsPage(page);
  await ops.goto();
  await expect(ops.instrumentMode(AIRGLOW)).toHaveText('night-series', { timeout: 30_000 });
  await expect(page.getByTestId('ops-pending-empty')).toBeVisible();

  const created = await fetch(`${station.baseURL}api/v1/rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-firn-user': 'sara' },
    body: JSON.stringify(STANDBY_RULE),
  });
  expect(created.status, await created.clone().text()).toBe(201);

  // The imager's next value fires the rule; its proposal waits for an operator.
  const pending = ops.pendingOf('standby');
  await expect(pending).toHaveCount(1, { timeout: 30_000 });
  const id = await ops.commandIdOf(pending);
  await expect(page.getByTestId(`ops-pending-rule-${id}`)).toHaveText(STANDBY_RULE.id);
  await expect(page.getByTestId(`ops-pending-params-${id}`)).toHaveText('no parameters');
  await expect(page.getByTestId(`ops-pending-risk-${id}`)).toContainText('automatic allowed');
  await expect(page.getByTestId(`ops-pending-interlocks-${id}`)).toContainText(
    'at most 60 per hour',
  );
  await expect(page.getByTestId(`ops-pending-approve-${id}`)).toBeDisabled();
  await ops.screenshotSection(testInfo, ops.pending, 'operations-pending');

  await ops.decide(id, 'approve', 'dome maintenance, rest the imager');
  await expect(ops.historyRow(id)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(ops.pendingOf('standby')).toHaveCount(0);

  // Exactly once at the instrument, and its change comes back through ingest as data.
  await expect.poll(() => instrument.receivedCommandIds(), { timeout: 15_000 }).toEqual([id]);
  await expect(ops.instrumentMode(AIRGLOW)).toHaveText('standby', { timeout: 30_000 });
  await ops.screenshotSection(testInfo, ops.instruments, 'operations-instruments');

  const audit = await ops.openAudit(id);
  for (const action of ['proposed', 'approved', 'sent', 'done']) {
    await expect(audit.getByTestId(`ops-audit-entry-${action}`).first()).toBeVisible();
  }
  await expect(audit).toContainText('dome maintenance, rest the imager');
  await ops.screenshotSection(testInfo, ops.history, 'operations-history');

  const csvPath = (await ops.auditExport.getAttribute('href')) ?? '';
  const csv = await (await fetch(new URL(csvPath, station.baseURL))).text();
  expect(csv.split('\n').filter((line) => line.includes(id)).length).toBeGreaterThanOrEqual(4);
  // Still exactly once, after everything settled.
  expect(await instrument.receivedCommandIds()).toEqual([id]);
  await ops.screenshot(testInfo, 'operations');
  expect(consoleErrors).toEqual([]);
});

test('a slot is booked in station time and an overlapping request is refused with the reason', async ({
  page,
  consoleErrors,
}, testInfo) => {
  const ops = new OperationsPage(page);
  await ops.goto();
  await expect(page.getByTestId('ops-bookings-none')).toBeVisible();
  // Next week, so the slot is in the future whatever the time of the run; seen in its grid.
  await page.getByTestId('ops-bookings-next').click();
  const start = await ops.weekDayInput(0, '20:00');
  const end = await ops.weekDayInput(1, '04:00');
  await ops.requestSlot(start, end, 'OH* night series');
  await expect(ops.bookingConfirmed).toContainText('Confirmed');
  await expect(page.locator('[data-testid^="ops-slot-"]')).toHaveCount(2); // over two days

  await ops.requestSlot(
    await ops.weekDayInput(1, '02:00'),
    await ops.weekDayInput(1, '06:00'),
    'lamp test',
  );
  await expect(ops.bookingRefusal).toContainText('overlaps booking');
  await expect(ops.bookingRefusal).toContainText('of local');
  // A command scheduled into the slot waits for its time; in no slot it is refused, inline.
  await ops.requestCommandAt('standby', await ops.weekDayInput(0, '21:00'));
  await expect(ops.commandMade).toContainText('scheduled for');
  await ops.requestCommandAt('standby', await ops.weekDayInput(2, '21:00'));
  await expect(ops.commandRefusal).toContainText('has no confirmed booking slot');
  await ops.screenshotSection(testInfo, ops.bookings, 'operations-bookings');

  // Light theme too: the calendar must read in both.
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'light');
  await ops.screenshotSection(testInfo, ops.bookings, 'operations-bookings-light');
  // The refused requests are the browser's own 409 notes; nothing else may be logged.
  const expected = /status of 409 .*\/api\/v1\/(bookings|operations\/commands)/;
  expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
});
