import type { StoredReport } from '../../../../core/contracts/report';

const day = Date.UTC(2017, 1, 22);

/** A small report as the server sends it, for the view's tests. */
export const reportFixture: StoredReport = {
  id: 'report-manual-1',
  jobId: 'manual-1',
  kind: 'evaluation',
  stations: ['ellboegen', 'sattelberg'],
  fromMs: day,
  toMs: day + 86_400_000,
  createdAt: '2017-02-23T01:00:00.000Z',
  completeness: 0.75,
  findingCount: 2,
  summary: {
    checks: ['completeness', 'range', 'spike', 'stuck', 'comparison'],
    completeness: 0.75,
    findings: 2,
    truncated: false,
    datastreams: [
      {
        datastream: 'sattelberg.aws.wind_speed',
        unit: 'm/s',
        cadenceSeconds: 600,
        completeness: {
          expected: 144,
          present: 108,
          ratio: 0.75,
          gaps: [{ fromMs: day + 3_600_000, toMs: day + 3_600_000 * 6 - 600_000, slots: 30 }],
        },
        statistics: {
          count: 108,
          min: 0,
          max: 14.2,
          mean: 3.25,
          stddev: 2.5,
          p05: 0,
          median: 2.9,
          p95: 9.1,
        },
        limits: { min: 0, max: 75, source: 'default for wind speed' },
        findingCounts: { range: 0, spike: 0, stuck: 1 },
        skipped: [],
      },
      {
        datastream: 'sattelberg.aws.note',
        unit: 'text',
        cadenceSeconds: null,
        completeness: null,
        statistics: null,
        limits: null,
        findingCounts: {},
        skipped: [],
      },
    ],
    comparisons: [
      {
        a: 'ellboegen.aws.air_temperature',
        b: 'sattelberg.aws.air_temperature',
        commonSamples: 140,
        meanDifference: 6.123456,
        correlation: 0.8,
      },
    ],
  },
  findings: [
    {
      check: 'stuck',
      datastream: 'sattelberg.aws.wind_speed',
      fromMs: day,
      toMs: day + 36_000_000,
      count: 61,
      message: 'value 0 repeated 61 times over 10 h',
      figures: { value: 0, hours: 10, limitHours: 6 },
    },
    {
      check: 'range',
      datastream: 'sattelberg.aws.wind_speed',
      fromMs: day + 600_000,
      toMs: day + 600_000,
      count: 1,
      message: '<b>not bold</b>',
      figures: { min: 99, max: 99, limitMin: 0, limitMax: 75 },
    },
  ],
};
