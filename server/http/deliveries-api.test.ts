import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJob } from '../../infra/jobs/job-store';
import { upsertAlerts } from '../../infra/rules/alert-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const alertId = 'south-foehn@2017-03-04T12:00:00.000Z';

describe("an alert's notifications and their deliveries over HTTP", () => {
  let station: TestStation;
  const get = (path: string) =>
    fetch(`${station.server.url}${path}`, { headers: { 'X-Firn-User': 'anna' } });

  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
    const { db } = station;
    await upsertAlerts(db, [
      {
        id: alertId,
        ruleId: 'south-foehn',
        severity: 'warning',
        status: 'firing',
        startMs: Date.parse('2017-03-04T12:00:00Z'),
        firingMs: Date.parse('2017-03-04T12:10:00Z'),
        resolvedMs: null,
        flapping: false,
        backfill: false,
        acknowledged: null,
        shelvedUntilMs: null,
        values: { wind: 14 },
      },
    ]);
    const notify = (recipient: string) => ({
      queue: 'jobs.sod' as const,
      type: 'notify',
      params: { subject: 'South foehn', text: '', channels: [] },
      origin: { ruleId: 'south-foehn', alertId, recipient },
    });
    await insertJob(db, 'job-sent', notify('clara'));
    await insertJob(db, 'job-withheld', notify('ben'));
    await db.query(
      "UPDATE jobs SET state = 'cancelled', message = 'not sent: ben: in quiet hours' WHERE id = 'job-withheld'",
    );
    await db.query(
      `INSERT INTO deliveries (job_id, channel, state, attempts, detail) VALUES
         ('job-sent', 'desktop', 'sent', 1, 'handed to the live feed'),
         ('job-sent', 'webhook:https://chat.example/hook', 'failed', 3, 'webhook answered 503')`,
    );
  });
  afterAll(() => station.close());

  it('lists the notify jobs of the alert with each channel, state, attempts and detail', async () => {
    const answer = await get(`/api/v1/alerts/${encodeURIComponent(alertId)}/deliveries`);
    expect(answer.status).toBe(200);
    const { jobs } = await answer.json();
    expect(jobs).toHaveLength(2);
    const sent = jobs.find((j: { jobId: string }) => j.jobId === 'job-sent');
    expect(sent).toMatchObject({ recipient: 'clara', state: 'queued' });
    expect(sent.deliveries).toEqual([
      expect.objectContaining({ channel: 'desktop', state: 'sent', attempts: 1 }),
      expect.objectContaining({
        channel: 'webhook:https://chat.example/hook',
        state: 'failed',
        attempts: 3,
        detail: 'webhook answered 503',
      }),
    ]);
    expect(Date.parse(sent.deliveries[0].at)).not.toBeNaN();
    const withheld = jobs.find((j: { jobId: string }) => j.jobId === 'job-withheld');
    expect(withheld).toMatchObject({ message: 'not sent: ben: in quiet hours', deliveries: [] });
  });

  it("shows one job's deliveries", async () => {
    const { deliveries } = await (await get('/api/v1/jobs/job-sent/deliveries')).json();
    expect(deliveries.map((d: { channel: string }) => d.channel)).toEqual([
      'desktop',
      'webhook:https://chat.example/hook',
    ]);
  });

  it('answers 404 for any unknown alert or job id, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (id) => {
        const encoded = encodeURIComponent(id);
        for (const path of [
          `/api/v1/alerts/${encoded}/deliveries`,
          `/api/v1/jobs/${encoded}/deliveries`,
        ]) {
          const answer = await get(path);
          expect([400, 404]).toContain(answer.status);
        }
      }),
      { numRuns: 15 },
    );
  });
});
