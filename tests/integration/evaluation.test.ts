// The evaluation on the real 2017 files of Sattelberg (crest) and Ellbögen (valley): what
// it reports must be what the files say. 21–23 February: the crest's anemometer reads 0 m/s
// and its vane 283° for ten hours (icing); 17–19 January: the crest's barometer reads
// 744.1 hPa for one value among 773s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedReportSchema, type StoredReport } from '../../core/contracts/report';
import type { Observation } from '../../core/domain/observation';
import type { JobRow } from '../../infra/jobs/job-store';
import { getReport } from '../../infra/reports/report-store';
import { createIngestToken } from '../../server/tokens/token-service';
import { evaluationHandler, reportIdOf } from '../../workers/report/evaluation-handler';
import { backends } from '../support/backends';
import { readStation2017 } from '../support/real-data';
import { startTestStation, type TestStation } from '../support/server';

const ICING = { fromMs: Date.UTC(2017, 1, 21), toMs: Date.UTC(2017, 1, 23) };
const JANUARY = { fromMs: Date.UTC(2017, 0, 17), toMs: Date.UTC(2017, 0, 19) };
const inside = (w: typeof ICING) => (o: Observation) => o.timeMs >= w.fromMs && o.timeMs < w.toMs;

describe('evaluation on the real Sattelberg and Ellbögen data', () => {
  let station: TestStation;
  const files = {
    sattelberg: readStation2017('sattelberg'),
    ellboegen: readStation2017('ellboegen'),
  };
  const progress: number[] = [];

  // Each window is evaluated once (the first test sees its progress); the tests read it.
  const runs = new Map<string, Promise<StoredReport>>();
  const evaluate = (id: string, window: typeof ICING): Promise<StoredReport> => {
    if (!runs.has(id)) runs.set(id, run(id, window));
    return runs.get(id)!;
  };
  const run = async (id: string, window: typeof ICING): Promise<StoredReport> => {
    const job = {
      id,
      type: 'evaluation',
      params: { stations: ['sattelberg', 'ellboegen'], ...window },
    };
    const context = {
      progress: async (fraction: number) => void progress.push(fraction),
      log: async () => undefined,
      signal: new AbortController().signal,
    };
    await evaluationHandler(station.db).run(job as unknown as JobRow, context);
    return storedReportSchema.parse(await getReport(station.db, reportIdOf(id)));
  };

  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
    const tokens = {
      sattelberg: station.token,
      ellboegen: await createIngestToken(station.db, 'ellboegen', 'test'),
    };
    for (const name of ['sattelberg', 'ellboegen'] as const) {
      const chosen = files[name].filter((o) => inside(ICING)(o) || inside(JANUARY)(o));
      const body = JSON.stringify({
        observations: chosen.map((o) => ({
          datastream: o.datastream,
          time: new Date(o.timeMs).toISOString(),
          value: o.value,
        })),
      });
      const auth = { Authorization: `Bearer ${tokens[name]}` };
      const res = await station.post(body, 'application/json', auth);
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => station.close());

  it('reports completeness and statistics as the files have them, with progress per datastream', async () => {
    const report = await evaluate('icing', ICING);
    for (const d of report.summary.datastreams.filter((x) => x.datastream.includes('.aws.'))) {
      const values = [...files.sattelberg, ...files.ellboegen]
        .filter((o) => o.datastream === d.datastream && inside(ICING)(o))
        .map((o) => o.value);
      expect(d.completeness, d.datastream).toMatchObject({
        expected: 2 * 144,
        present: values.length,
      });
      expect(d.statistics?.count ?? 0).toBe(values.length);
      if (values.length > 0)
        expect(d.statistics).toMatchObject({ min: Math.min(...values), max: Math.max(...values) });
    }
    expect(progress.length).toBe(report.summary.datastreams.length);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]!)).toBe(true);
  });

  it.each([
    ['sattelberg.aws.wind_speed', 0],
    ['sattelberg.aws.wind_direction', 283],
  ])(
    'finds the iced %s: the file’s longest repeated run, first to last value',
    async (key, value) => {
      const report = await evaluate('icing', ICING);
      const series = files.sattelberg.filter((o) => o.datastream === key && inside(ICING)(o));
      let best = { start: 0, end: 0 };
      for (let i = 1, start = 0; i < series.length; i++) {
        const [now, before] = [series[i]!, series[i - 1]!];
        if (now.value !== before.value || now.timeMs - before.timeMs > 1_800_000) start = i;
        if (i - start > best.end - best.start) best = { start, end: i };
      }
      const [first, last] = [series[best.start]!, series[best.end]!];
      expect(first.value).toBe(value);
      expect((last.timeMs - first.timeMs) / 3_600_000).toBeGreaterThan(6);
      const stuck = report.findings.filter((f) => f.check === 'stuck' && f.datastream === key);
      expect(stuck).toEqual([
        expect.objectContaining({
          fromMs: first.timeMs,
          toMs: last.timeMs,
          count: best.end - best.start + 1,
        }),
      ]);
      expect(report.findings.some((f) => f.check === 'range')).toBe(false); // the files hold plausible values only
    },
  );

  it('compares the stations over their common timestamps', async () => {
    const report = await evaluate('icing', ICING);
    const key = (s: string) => `${s}.aws.air_temperature`;
    const comparison = report.summary.comparisons.find(
      (c) => c.a === key('ellboegen') && c.b === key('sattelberg'),
    )!;
    const crest = new Map(
      files.sattelberg
        .filter((o) => o.datastream === key('sattelberg') && inside(ICING)(o))
        .map((o) => [o.timeMs, o.value]),
    );
    const pairs = files.ellboegen
      .filter((o) => o.datastream === key('ellboegen') && inside(ICING)(o) && crest.has(o.timeMs))
      .map((o) => o.value - crest.get(o.timeMs)!);
    expect(comparison.commonSamples).toBe(pairs.length);
    expect(comparison.meanDifference).toBeCloseTo(
      pairs.reduce((a, b) => a + b, 0) / pairs.length,
      9,
    );
    // 1000 m apart in the same air mass: the valley is warmer and both follow the weather.
    expect(comparison.meanDifference).toBeGreaterThan(0);
    expect(comparison.correlation).toBeGreaterThan(0.3);
  });

  it('finds the single low pressure value of 18 January and no other pressure spike', async () => {
    const report = await evaluate('january', JANUARY);
    const spikes = report.findings.filter(
      (f) => f.check === 'spike' && f.datastream === 'sattelberg.aws.air_pressure',
    );
    expect(spikes).toEqual([
      expect.objectContaining({
        fromMs: Date.UTC(2017, 0, 18, 12, 30),
        count: 1,
        figures: expect.objectContaining({ value: 744.1 }),
      }),
    ]);
  });
});
