import type { StoredReport } from '../contracts/report';

// A small report with text that CSV must quote and HTML must escape, for the export tests.

export const hostile = 'a "quoted", <b>bold</b> & line\r\nbreak';

export const sampleReport: StoredReport = {
  id: 'report-manual-1',
  jobId: 'manual-1',
  kind: 'evaluation',
  stations: ['ellboegen', 'sattelberg'],
  fromMs: Date.UTC(2017, 2, 4),
  toMs: Date.UTC(2017, 2, 5),
  createdAt: '2017-03-05T01:00:00.000Z',
  completeness: 0.5,
  findingCount: 1,
  summary: {
    checks: ['completeness', 'range', 'spike', 'stuck', 'comparison'],
    completeness: 0.5,
    findings: 1,
    truncated: false,
    datastreams: [
      {
        datastream: 'sattelberg.aws.air_temperature',
        unit: 'degC',
        cadenceSeconds: 600,
        completeness: {
          expected: 2,
          present: 1,
          ratio: 0.5,
          gaps: [
            { fromMs: Date.UTC(2017, 2, 4, 0, 10), toMs: Date.UTC(2017, 2, 4, 0, 10), slots: 1 },
          ],
        },
        statistics: {
          count: 1,
          min: -3.5,
          max: -3.5,
          mean: -3.5,
          stddev: 0,
          p05: -3.5,
          median: -3.5,
          p95: -3.5,
        },
        limits: { min: -60, max: 50, source: 'default for air temperature' },
        findingCounts: { range: 0, spike: 0, stuck: 1 },
        skipped: [],
      },
    ],
    comparisons: [
      {
        a: 'ellboegen.aws.air_temperature',
        b: 'sattelberg.aws.air_temperature',
        commonSamples: 1,
        meanDifference: 6.5,
        correlation: null,
      },
    ],
  },
  findings: [
    {
      check: 'stuck',
      datastream: 'sattelberg.aws.air_temperature',
      fromMs: Date.UTC(2017, 2, 4),
      toMs: Date.UTC(2017, 2, 4, 6),
      count: 37,
      message: hostile,
      figures: { value: -3.5, hours: 6, limitHours: 6 },
    },
  ],
};
