import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GAP_FACTOR,
  stationsStatusResponseSchema,
  type DatastreamStatus,
  type StationsStatusResponse,
} from '../../core/contracts/stations';
import type { Observation } from '../../core/domain/observation';
import { backends } from '../../tests/support/backends';
import { readStation2017 } from '../../tests/support/real-data';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { upsertDatastream } from '../catalog/catalog-repository';
import { createIngestToken } from '../tokens/token-service';
import { getStationsStatus } from './station-status-use-case';

// A day of Sattelberg's and Ellbögen's real 2017 files, moved so that it ends a few minutes
// ago: real values with their real missing rows (an 80-minute hole on 14 March), sent
// through the ingest API, then read back through GET /api/v1/stations/status. The expected
// gaps, rates and ages are worked out here from the rows sent, not from the server's SQL.

const MIN = 60_000;
const HOUR = 60 * MIN;
const CADENCE = 600;
/** 12 h after the 80-minute hole of 2017-03-14 in both files. */
const DAY_END = Date.UTC(2017, 2, 14, 22, 10);

/** The latest time of many rows (spreading 250,000 arguments overflows the stack). */
function latest(observations: Observation[]): number {
  return observations.reduce((max, o) => Math.max(max, o.timeMs), -Infinity);
}

function lastDay(observations: Observation[], shiftMs: number): Observation[] {
  return observations
    .filter((o) => o.timeMs > DAY_END - 26 * HOUR && o.timeMs <= DAY_END)
    .map((o) => ({ ...o, timeMs: o.timeMs + shiftMs }));
}

function body(observations: Observation[]): string {
  return JSON.stringify({
    observations: observations.map((o) => ({
      datastream: o.datastream,
      time: new Date(o.timeMs).toISOString(),
      value: o.value,
    })),
  });
}

/** Gaps as the page defines them: steps wider than GAP_FACTOR cadences, inside the window. */
function expectedGaps(times: number[], fromMs: number, cadence: number) {
  const inWindow = times.filter((t) => t >= fromMs).sort((a, b) => a - b);
  const steps = inWindow.slice(1).map((t, i) => (t - (inWindow[i] as number)) / 1000);
  const gaps = steps.filter((s) => s > GAP_FACTOR * cadence);
  return { count: gaps.length, longestSeconds: gaps.length ? Math.max(...gaps) : null };
}

function find(status: StationsStatusResponse, key: string): DatastreamStatus {
  const found = status.stations
    .flatMap((s) => s.instruments.flatMap((i) => i.datastreams))
    .find((d) => d.key === key);
  if (!found) throw new Error(`no ${key} in the answer`);
  return found;
}

describe.each(backends)('GET /api/v1/stations/status on $name', (backend) => {
  let station: TestStation;
  let sent: Observation[];
  let sentAtMs: number;

  beforeAll(async () => {
    station = await startTestStation(backend);
    // A datastream the catalog gives no cadence: the page estimates it from the data.
    await upsertDatastream(station.db, {
      station: 'sattelberg',
      instrument: 'aws',
      variable: 'dew_point',
      unit: 'degC',
      cadenceSeconds: null,
      description: null,
    });
    sentAtMs = Date.now();
    // The day's last row lands 5 to 15 minutes ago, on the 10-minute grid.
    const shift = Math.floor((sentAtMs - 5 * MIN) / (10 * MIN)) * 10 * MIN - DAY_END;
    const day = lastDay(readStation2017('sattelberg'), shift);
    const lastT = latest(day);
    sent = day.filter(
      (o) =>
        // Pressure stopped 50 minutes ago: late (older than 3 cadences), not yet silent.
        !(o.datastream === 'sattelberg.aws.air_pressure' && o.timeMs > lastT - 50 * MIN) &&
        // Wind speed lost an hour in the middle of the day: one gap more than the file has.
        !(
          o.datastream === 'sattelberg.aws.wind_speed' &&
          o.timeMs > lastT - 6 * HOUR &&
          o.timeMs <= lastT - 5 * HOUR
        ),
    );
    const dewPoint = day
      .filter((o) => o.datastream === 'sattelberg.aws.relative_humidity')
      .map((o) => ({ ...o, datastream: 'sattelberg.aws.dew_point', value: o.value / 10 }));
    sent.push(...dewPoint);
    // Ellbögen's hut went quiet two days ago: silent.
    const ellbogenToken = await createIngestToken(station.db, 'ellboegen', 'test');
    const ellboegen = lastDay(readStation2017('ellboegen'), shift - 48 * HOUR);
    // The slow preparation is done: the requests follow each other closely, so none lands on
    // a keep-alive connection the server is closing after its idle timeout (ECONNRESET).
    const res = await station.post(body(sent));
    expect(res.status).toBe(200);
    // One bad row through the station's token: quarantined, and Sattelberg's.
    const bad = await station.post(
      JSON.stringify({
        observations: [{ datastream: 'sattelberg.aws.air_temperature', time: 'soon', value: 1 }],
      }),
    );
    expect((await bad.json()).rejected).toHaveLength(1);
    const res2 = await fetch(`${station.server.url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ellbogenToken}` },
      body: body(ellboegen),
    });
    expect(res2.status).toBe(200);
    // A row quarantined by a CLI import (no token): attributed by the key in the raw row.
    await station.db.query(
      `INSERT INTO quarantine (batch_id, row_index, error, raw) VALUES (NULL, 0, 'bad value', $1)`,
      ['{"datastream":"ellboegen.aws.air_temperature","time":"x","value":"NA"}'],
    );
    await station.db.query(
      `INSERT INTO quarantine (batch_id, row_index, error, raw) VALUES (NULL, 1, 'no key', $1)`,
      ['1514764200; 12.3; NA'],
    );
  });
  afterAll(() => station?.close());

  async function fetchStatus(): Promise<{ status: StationsStatusResponse; nowMs: number }> {
    const res = await fetch(`${station.server.url}/api/v1/stations/status`);
    const nowMs = Date.now();
    expect(res.status).toBe(200);
    return { status: stationsStatusResponseSchema.parse(await res.json()), nowMs };
  }

  it('shows each datastream fresh, late, silent or without data, by its cadence', async () => {
    const { status } = await fetchStatus();
    const temp = find(status, 'sattelberg.aws.air_temperature');
    expect(temp).toMatchObject({ state: 'ok', cadenceSeconds: CADENCE, cadenceSource: 'metadata' });
    expect(temp.ageSeconds).toBeLessThan(3 * CADENCE);
    const lastTemp = sent
      .filter((o) => o.datastream === temp.key)
      .reduce((a, b) => (b.timeMs > a.timeMs ? b : a));
    expect(temp.lastValue).toBe(lastTemp.value);
    expect(temp.lastTime).toBe(new Date(lastTemp.timeMs).toISOString());

    const pressure = find(status, 'sattelberg.aws.air_pressure');
    expect(pressure.state).toBe('late');
    expect(pressure.ageSeconds).toBeGreaterThan(3 * CADENCE);

    expect(find(status, 'ellboegen.aws.air_temperature').state).toBe('silent');
    expect(find(status, 'sattelberg.aws_hourly.air_temperature')).toMatchObject({
      state: 'no-data',
      lastTime: null,
      ratePerHour: 0,
    });
    const sattelberg = status.stations.find((s) => s.id === 'sattelberg');
    expect(sattelberg?.state).toBe('late');
    expect(status.stations.find((s) => s.id === 'ellboegen')?.state).toBe('silent');
    expect(sattelberg?.instruments.map((i) => i.id)).toEqual(['aws', 'aws_hourly']);
  });

  it('estimates a cadence the catalog does not give', async () => {
    const { status } = await fetchStatus();
    expect(find(status, 'sattelberg.aws.dew_point')).toMatchObject({
      cadenceSeconds: CADENCE,
      cadenceSource: 'estimated',
      state: 'ok',
    });
  });

  it('counts the last hour and the gaps of the last 24 h as the rows sent say', async () => {
    const { status, nowMs } = await fetchStatus();
    for (const key of ['sattelberg.aws.wind_speed', 'sattelberg.aws.air_temperature']) {
      const times = sent.filter((o) => o.datastream === key).map((o) => o.timeMs);
      const d = find(status, key);
      const generated = Date.parse(status.generatedAt);
      expect(generated).toBeLessThanOrEqual(nowMs);
      expect(d.gaps).toEqual(expectedGaps(times, generated - 24 * HOUR, CADENCE));
      expect(d.ratePerHour).toBe(times.filter((t) => t > generated - HOUR).length);
      expect(d.examined).toBe(times.filter((t) => t >= generated - 24 * HOUR).length);
    }
    // The file's own hole, and the hour of wind taken out.
    expect(find(status, 'sattelberg.aws.air_temperature').gaps).toEqual({
      count: 1,
      longestSeconds: 80 * 60,
    });
    expect(find(status, 'sattelberg.aws.wind_speed').gaps).toEqual({
      count: 2,
      longestSeconds: 80 * 60,
    });
  });

  it('attributes open quarantined rows to their station', async () => {
    const { status } = await fetchStatus();
    expect(status.stations.find((s) => s.id === 'sattelberg')?.quarantinedOpen).toBe(1);
    expect(status.stations.find((s) => s.id === 'ellboegen')?.quarantinedOpen).toBe(1);
    expect(status.quarantine).toEqual({ open: 3, unattributed: 1, capped: false });
  });

  it('goes late as time passes without data', async () => {
    const later = await getStationsStatus(station.db, Date.now() + 40 * MIN);
    expect(find(later, 'sattelberg.aws.air_temperature').state).toBe('late');
    const muchLater = await getStationsStatus(station.db, Date.now() + 3 * HOUR);
    expect(find(muchLater, 'sattelberg.aws.air_temperature').state).toBe('silent');
  });

  it('bounds the rows it examines and says where its window starts', async () => {
    const nowMs = Date.now();
    const capped = await getStationsStatus(station.db, nowMs, {
      windowMs: 24 * HOUR,
      maxRowsPerDatastream: 3,
      cadenceSample: 100,
      maxQuarantineRows: 2,
    });
    const temp = find(capped, 'sattelberg.aws.air_temperature');
    expect(temp.examined).toBe(3);
    const lastThree = sent
      .filter((o) => o.datastream === temp.key)
      .map((o) => o.timeMs)
      .sort((a, b) => b - a)
      .slice(0, 3);
    expect(temp.windowStart).toBe(new Date(Math.min(...lastThree)).toISOString());
    // Three rows over 20-some minutes: a rate per hour, not the cap.
    expect(temp.ratePerHour).toBeCloseTo((3 * HOUR) / (nowMs - Math.min(...lastThree)), 6);
    expect(capped.quarantine.capped).toBe(true);
  });
});
