// The daily report on the real Sattelberg data: each datastream's completeness and gaps for
// a day must be what the file itself says: its missing rows and blank cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '../../infra/jobs/job-store';
import { dailyReportHandler, type DatastreamDay } from '../../workers/report/daily-report-handler';
import { backends } from '../support/backends';
import { readStation2017 } from '../support/real-data';
import { startTestStation, type TestStation } from '../support/server';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('daily report on the real Sattelberg data', () => {
  let station: TestStation;
  const observations = readStation2017('sattelberg');
  // Per day and datastream, how many values the file has: the truth the report must match.
  const inFile = new Map<string, number>();
  for (const o of observations) {
    const key = `${dayOf(o.timeMs)} ${o.datastream}`;
    inFile.set(key, (inFile.get(key) ?? 0) + 1);
  }
  const perDay = new Map<string, number>();
  for (const [key, n] of inFile)
    perDay.set(key.slice(0, 10), (perDay.get(key.slice(0, 10)) ?? 0) + n);
  const days = [...perDay.entries()].sort((a, b) => a[1] - b[1]);
  const gappy = days.find(([, n]) => n > 0)![0]; // the least complete day that has data at all
  const full = days.at(-1)![0];

  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
    const chosen = observations.filter((o) => [gappy, full].includes(dayOf(o.timeMs)));
    const body = JSON.stringify({
      observations: chosen.map((o) => ({
        datastream: o.datastream,
        time: new Date(o.timeMs).toISOString(),
        value: o.value,
      })),
    });
    expect((await station.post(body)).status).toBe(200);
  });
  afterAll(() => station.close());

  const report = async (day: string) => {
    const job = {
      id: `report-${day}`,
      type: 'daily-report',
      params: { station: 'sattelberg', day },
    } as unknown as JobRow;
    const context = {
      progress: async () => undefined,
      log: async () => undefined,
      signal: new AbortController().signal,
    };
    return (await dailyReportHandler(station.db).run(job, context)) as {
      completeness: number;
      datastreams: DatastreamDay[];
    };
  };

  it.each([
    ['the least complete day', () => gappy],
    ['a complete day', () => full],
  ])('matches the file on %s', async (_, day) => {
    const result = await report(day());
    const tenMinute = result.datastreams.filter((d) => d.datastream.startsWith('sattelberg.aws.'));
    expect(tenMinute.length).toBeGreaterThan(3);
    for (const d of tenMinute) {
      const present = inFile.get(`${day()} ${d.datastream}`) ?? 0;
      expect(d, d.datastream).toMatchObject({ expected: 144, present });
      expect(d.gaps.reduce((sum, gap) => sum + gap.slots, 0)).toBe(144 - present);
      if (present === 144) expect(d.completeness).toBe(1);
    }
  });

  it('says which gaps: each empty slot has no value in the file', async () => {
    const result = await report(gappy);
    const times = new Set(observations.map((o) => `${o.datastream} ${o.timeMs}`));
    for (const d of result.datastreams.filter((x) => x.expected !== null)) {
      for (const gap of d.gaps) {
        for (let t = gap.fromMs; t <= gap.toMs; t += 600_000)
          expect(times.has(`${d.datastream} ${t}`)).toBe(false);
      }
    }
  });
});
