import { AlertsPage } from './pages/AlertsPage';
import { RulesPage } from './pages/RulesPage';
import { expect, test } from './support/station';

const AIR_TEMPERATURE = 'sattelberg.aws.air_temperature';
const RULE = {
  datastream: AIR_TEMPERATURE,
  op: 'above' as const,
  value: 25,
  minDuration: '0s',
  severity: 'critical' as const,
  id: 'e2e-hot',
  name: 'Hot at Sattelberg',
};

/** A summer afternoon of 2017 at 10-minute steps: above 25 °C twice. */
function summer2017() {
  const values = [20, 22, 26, 27, 24, 21, 20, 26.5, 28, 23];
  const start = Date.UTC(2017, 6, 1, 12);
  return values.map((value, i) => ({
    datastream: AIR_TEMPERATURE,
    time: new Date(start + i * 600_000).toISOString(),
    value,
  }));
}

test('a rule made in the form is backtested, enabled, and its alert acknowledged and shelved', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  await station.ingest(summer2017());
  const rules = new RulesPage(page);
  await rules.goto();
  await expect(page.getByTestId('rules-empty')).toBeVisible();

  // A document the server refuses: its 400 message is shown inline, under the editor.
  await rules.json.fill('{"id": "e2e-bad", "name": "no inputs"}');
  await rules.create();
  await expect(rules.editorError).toContainText('scope');

  await page.getByTestId('rule-new').click();
  await rules.fillForm(RULE);
  await expect(rules.json).toHaveValue(/"op": "above"/);
  await rules.backtest('2017-01-01', '2017-12-31');
  await expect(rules.backtestCount).toHaveText('2');
  await expect(rules.backtestWindows).toHaveCount(2);
  await expect(rules.backtestWindows.first()).toContainText('2017-07-01 12:20 UTC');
  // Drawn before enabling: the input's history and the two alert windows on one time axis.
  await expect(rules.backtestPlot).toHaveAttribute('data-phase', /ready|error/);
  const drawn = await rules.backtestPlot.getAttribute('data-phase');
  expect(drawn, await rules.backtestPlot.innerText()).toBe('ready');
  await expect(rules.backtestPlot).toHaveAttribute('data-inputs', '1');
  await expect(rules.backtestPlot).toHaveAttribute('data-alerts', '2');
  // The input's line and one bar trace for the critical windows, as plotly drew them.
  await expect(rules.backtestTraces).toHaveCount(2);
  await expect(rules.backtestShading).toHaveCount(2);
  await rules.backtestPlot.scrollIntoViewIfNeeded();
  await rules.screenshot(testInfo, 'rules-backtest');

  await rules.create();
  await expect(rules.notice).toContainText(`created ${RULE.id}`);
  await expect(rules.item(RULE.id)).toHaveAttribute('data-enabled', 'false');
  await expect(page.getByTestId('rule-version-1')).toContainText('created');
  await rules.enabledSwitch(RULE.id).check();
  await expect(rules.item(RULE.id)).toHaveAttribute('data-enabled', 'true');
  await expect(page.getByTestId('rule-version-2')).toContainText('enabled');
  await rules.screenshot(testInfo, 'rules');

  // Live data above the threshold: the enabled rule raises an alert, seen on the Alerts page.
  const alerts = new AlertsPage(page);
  await alerts.go('alerts');
  await expect(alerts.root).toHaveAttribute('data-phase', 'ready');
  let sent = 0;
  await expect
    .poll(
      async () => {
        // The analyzer picks the rule up within a tick; each look sends one more hot value.
        const time = new Date(Date.now() - 60_000 + sent++ * 1000).toISOString();
        await station.ingest([{ datastream: AIR_TEMPERATURE, time, value: 30 + sent }]);
        return alerts.rows.count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const row = alerts.rowOf(RULE.id);
  await expect(row).toHaveAttribute('data-status', /pending|firing/);
  await expect(row).toContainText('critical');

  await alerts.acknowledge(row, 'seen from the desk');
  await expect(alerts.part(row, 'acknowledged')).toContainText('seen from the desk');
  await alerts.part(row, 'shelve-8h').click();
  await expect(alerts.part(row, 'shelf')).toHaveAttribute('data-shelved', 'true');
  await expect(alerts.part(row, 'shelf')).toContainText('shelved until');
  await alerts.screenshot(testInfo, 'alerts');
  await alerts.part(row, 'unshelve').click();
  await expect(alerts.part(row, 'shelf')).toHaveAttribute('data-shelved', 'false');

  // All vs open, and by rule.
  await page.getByTestId('alerts-filter-all').click();
  await expect(alerts.rowOf(RULE.id)).toBeVisible();
  await page.getByTestId('alerts-filter-rule').fill('no-such-rule');
  await page.getByTestId('alerts-filter-apply').click();
  await expect(alerts.empty).toContainText('no-such-rule');
  // The refused saves above are the browser's own 400 notes; nothing else may be logged.
  const expected = /status of 400 .*\/api\/v1\/rules/;
  expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
});
