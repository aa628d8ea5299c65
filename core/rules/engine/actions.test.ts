import { describe, expect, it } from 'vitest';
import { run, testRule } from './test-support';

const rule = testRule({
  condition: { kind: 'threshold', of: 'x', compare: { op: 'above', value: 10 } },
  noise: { minDuration: '10m' },
  severity: 'critical',
  actions: [
    {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: {
        releaseTime: '{{trigger.start}}',
        latitude: 47.19,
        x: '{{values.x}}',
        key: '{{scope.x}}',
      },
    },
    {
      queue: 'jobs.sod',
      type: 'notify',
      on: 'resolved',
      params: {
        text: '{{rule.name}} ({{severity}}) from {{trigger.start}} to {{trigger.end}}',
        alert: '{{alert.id}}',
      },
    },
    {
      queue: 'jobs.ood',
      type: 'set-cadence',
      params: { seconds: 60, firing: '{{trigger.firing}}' },
    },
  ],
});

describe('actions', () => {
  const { jobs } = run(rule, { x: [11, 12, 13, 5] });

  it('make one job per action on its transition, with ids from the alert and the action', () => {
    expect(jobs.map(({ id, queue, atMs }) => ({ id, queue, atMs }))).toEqual([
      {
        id: 'test-rule@2017-03-01T00:00:00.000Z/0-backward-dispersion',
        queue: 'jobs.cod',
        atMs: Date.UTC(2017, 2, 1, 0, 10),
      },
      {
        id: 'test-rule@2017-03-01T00:00:00.000Z/2-set-cadence',
        queue: 'jobs.ood',
        atMs: Date.UTC(2017, 2, 1, 0, 10),
      },
      {
        id: 'test-rule@2017-03-01T00:00:00.000Z/1-notify',
        queue: 'jobs.sod',
        atMs: Date.UTC(2017, 2, 1, 0, 30),
      },
    ]);
  });

  it('fill parameters from the trigger, keeping numbers numbers', () => {
    expect(jobs.map((job) => job.params)).toEqual([
      { releaseTime: '2017-03-01T00:00:00.000Z', latitude: 47.19, x: 12, key: 'st.aws.x' },
      { seconds: 60, firing: '2017-03-01T00:10:00.000Z' },
      {
        text: 'Test rule (critical) from 2017-03-01T00:00:00.000Z to 2017-03-01T00:30:00.000Z',
        alert: 'test-rule@2017-03-01T00:00:00.000Z',
      },
    ]);
  });

  it('are the same jobs when the same data is evaluated again', () => {
    expect(run(rule, { x: [11, 12, 13, 5] }).jobs).toEqual(jobs);
  });
});
