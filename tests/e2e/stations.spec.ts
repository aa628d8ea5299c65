import fs from 'node:fs';
import path from 'node:path';
import { createSattelbergReader } from '../../core/formats/sattelberg';
import { StationsPage } from './pages/StationsPage';
import { repoRoot } from './support/process';
import { expect, test } from './support/station';

const TEMP = 'sattelberg.aws.air_temperature';
const PRESSURE = 'sattelberg.aws.air_pressure';
const WIND = 'sattelberg.aws.wind_speed';
const MIN = 60_000;

/**
 * The crest's real evening of 14 March 2017 (2 h up to 22:10 UTC), moved so that its last
 * row is `endAgoMs` old; the row after it is kept apart to arrive while the page is open.
 */
function sattelbergEvening(endAgoMs: number) {
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
  const end = Date.UTC(2017, 2, 14, 22, 10);
  const shift = Date.now() - endAgoMs - end;
  const rows = records
    .flatMap((record) => record.observations)
    .filter((o) => o.timeMs > end - 120 * MIN && o.timeMs <= end + 10 * MIN)
    .map((o) => ({
      datastream: o.datastream,
      timeMs: o.timeMs + shift,
      time: new Date(o.timeMs + shift).toISOString(),
      value: o.value,
    }));
  const now = Date.now();
  return {
    sent: rows.filter((o) => o.timeMs <= now - endAgoMs),
    next: rows.filter((o) => o.timeMs > now - endAgoMs),
  };
}

// A station of its own, two pages and a poll to wait for: slow on a busy machine.
test.slow();

test('the Stations page shows fresh, late and empty datastreams and follows new data', async ({
  page,
  station,
  consoleErrors,
}, testInfo) => {
  const { sent, next } = sattelbergEvening(2 * MIN);
  // The pressure sensor stopped 50 minutes before the rest: late (over 3 × 10 min).
  const observations = sent
    .filter((o) => !(o.datastream === PRESSURE && o.timeMs > Date.now() - 52 * MIN))
    .map(({ timeMs: _t, ...o }) => o);
  expect((await station.ingest(observations)).accepted).toBe(observations.length);
  // One refused row: quarantined, and counted for Sattelberg (its token sent it).
  const refused = await station.ingest([{ datastream: TEMP, time: 'soon', value: 1 } as never]);
  expect(refused.rejected).toHaveLength(1);

  const stations = new StationsPage(page);
  await page.goto('/');
  await expect(page.getByTestId('live-page')).toBeVisible();
  await stations.gotoByShortcut();
  const lastTemp = observations.filter((o) => o.datastream === TEMP).at(-1);
  await expect(stations.cell(TEMP, 'state')).toHaveAttribute('data-state', 'ok');
  await expect(stations.cell(TEMP, 'state')).toContainText('on time');
  await expect(stations.cell(TEMP, 'value')).toContainText(lastTemp?.value.toFixed(2) ?? '?');
  await expect(stations.cell(TEMP, 'age')).toContainText('min');
  await expect(stations.cell(PRESSURE, 'state')).toHaveAttribute('data-state', 'late');
  await expect(stations.cell(PRESSURE, 'state')).toContainText('late');
  await expect(stations.cell('sattelberg.aws_hourly.air_temperature', 'state')).toContainText(
    'no data',
  );
  await expect(stations.stationState('sattelberg')).toHaveAttribute('data-state', 'late');
  await expect(stations.stationState('ellboegen')).toHaveAttribute('data-state', 'no-data');
  await expect(stations.stationQuarantine('sattelberg')).toContainText('1 quarantined');
  await expect(stations.quarantine).toContainText('1 quarantined rows open');
  await expect(stations.bus).toContainText(/connected|to publish|buffered|no bus/);
  await expect(stations.summary).toContainText('late');
  const windsInHour = observations.filter(
    (o) => o.datastream === WIND && Date.parse(o.time) > Date.now() - 60 * MIN,
  ).length;
  await expect(stations.cell(WIND, 'rate')).toHaveText(`${windsInHour}/h`);
  await stations.screenshot(testInfo, 'stations');

  // The next real wind row arrives while the page is open: the page polls and shows it.
  const lastWind = observations.filter((o) => o.datastream === WIND).at(-1);
  const nextWind = next.find((o) => o.datastream === WIND);
  if (!lastWind || !nextWind) throw new Error('the file has wind rows for that evening');
  expect(nextWind.value).not.toBe(lastWind.value);
  await expect(stations.cell(WIND, 'value')).toContainText(lastWind.value.toFixed(2));
  const arriving = {
    datastream: WIND,
    time: new Date(Date.now() - 30_000).toISOString(),
    value: nextWind.value,
  };
  expect((await station.ingest([arriving])).accepted).toBe(1);
  await expect(stations.cell(WIND, 'value')).toContainText(nextWind.value.toFixed(2), {
    timeout: 30_000,
  });
  await expect(stations.cell(WIND, 'rate')).toHaveText(`${windsInHour + 1}/h`);

  // Light theme: the same states, readable on a bright screen too.
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'light');
  await stations.screenshotSection(testInfo, stations.station('sattelberg'), 'stations-light');

  // A datastream opens on the Live page.
  await stations.openOnLive(PRESSURE);
  await expect(page.getByTestId(`datastream-option-${PRESSURE}`)).toHaveAttribute(
    'data-selected',
    'true',
  );
  expect(consoleErrors).toEqual([]);
});
