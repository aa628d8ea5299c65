import { LivePage } from './pages/LivePage';
import { expect, test } from './support/station';

const TEMPERATURE = 'sattelberg.aws.air_temperature';
const WIND = 'sattelberg.aws.wind_speed';
const HUMIDITY = 'sattelberg.aws.relative_humidity';

test('a layout of two panels is saved for the user and opened again after a reload', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const now = Date.now();
  await station.ingest(
    [TEMPERATURE, WIND, HUMIDITY].flatMap((datastream, d) =>
      Array.from({ length: 6 }, (_, i) => ({
        datastream,
        time: new Date(now - (6 - i) * 600_000).toISOString(),
        value: d * 10 + i,
      })),
    ),
  );
  const live = new LivePage(page);
  await live.goto();
  await live.pick(TEMPERATURE);
  await live.addPanel();
  await live.pick(WIND);
  await live.pick(HUMIDITY);
  await expect(live.panel(0).getByTestId(`readout-${TEMPERATURE}`)).toBeVisible();
  await expect(live.panel(1).getByTestId(`readout-${WIND}`)).toBeVisible();
  await expect(live.panel(1).getByTestId(`readout-${HUMIDITY}`)).toBeVisible();
  await expect(live.panel(0).getByTestId(`readout-${WIND}`)).toHaveCount(0);
  await live.saveLayout('Foehn desk');

  const shot = testInfo.outputPath('live-layout.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('live-layout', { path: shot, contentType: 'image/png' });

  // Back to one panel with something else; the saved layout brings both panels back.
  await live.panel(1).getByTestId('panel-remove').click();
  await expect(live.panels).toHaveCount(1);
  await page.reload();
  await expect(live.panels).toHaveCount(1);
  await live.openLayout('Foehn desk');
  await expect(live.panels).toHaveCount(2);
  await expect(live.panel(1).getByTestId(`readout-${HUMIDITY}`)).toBeVisible();
  await expect(live.liveStatus).toHaveAttribute('data-subscribed', '3');
  await live.waitForChart();

  // The server says why a name is refused; nothing is saved under it.
  await live.saveLayout('Foehn desk'); // over the same name: allowed
  await page.getByTestId('layout-name').fill('desk!');
  await page.getByTestId('layout-save').click();
  await expect(live.layoutError).toContainText('layout name');

  // A range typed in (UTC): every panel shows it, no longer following the clock.
  const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await page.getByTestId('range-custom').click();
  await page.getByTestId('custom-range-from').fill(utc(now - 2 * 3_600_000));
  await page.getByTestId('custom-range-to').fill(utc(now - 3_600_000));
  await page.getByTestId('custom-range-apply').click();
  await expect(page.getByTestId('custom-range')).toContainText(
    `${utc(now - 3_600_000).replace('T', ' ')}`,
  );
  await expect(live.followToggle).toHaveAttribute('aria-pressed', 'false');
  await live.waitForChart();
  expect(consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
});
