import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recurrenceSchema } from '../../core/schedules/recurrence';
import { occurrenceJobId } from '../../core/schedules/schedule';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { createLogger } from '../../infra/logger';
import { getSchedule, insertSchedule } from '../../infra/schedules/schedule-store';
import { backends } from '../../tests/support/backends';
import { fireDueSchedules } from './fire-due';
import { Scheduler } from './scheduler';

const sixAm = recurrenceSchema.parse({ kind: 'daily', at: '06:00', timeZone: 'Europe/Vienna' });
const template = {
  queue: 'jobs.sod' as const,
  type: 'daily-report',
  params: { station: 'sattelberg', day: '{{previousDay}}' },
};

describe('the scheduler against one PostgreSQL database', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  const buses: Bus[] = [];
  const schedulers: Scheduler[] = [];
  const clock = { now: Date.parse('2026-01-14T09:00:00Z') };

  // Each schedule's template carries its id, so its jobs are easy to count.
  const countJobs = async (scheduleId: string) =>
    (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE params->>'scheduleOf' = $1",
        [scheduleId],
      )
    ).rows[0]?.n;
  const addSchedule = (id: string, nextRunMs: number) =>
    insertSchedule(db, {
      id,
      name: id,
      owner: 'clara',
      enabled: true,
      recurrence: sixAm,
      job: { ...template, params: { ...template.params, scheduleOf: id } },
      nextRunMs,
    });

  beforeAll(async () => {
    ({ db, dispose } = await backends[0]!.open());
    for (let i = 0; i < 2; i += 1) {
      const bus = await openBus({ db });
      buses.push(bus);
      schedulers.push(
        new Scheduler({ db, bus, logger: createLogger('silent'), now: () => clock.now }),
      );
    }
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await dispose();
  });

  it('fires an occurrence once even when two schedulers tick at the same moment', async () => {
    await addSchedule('s-twice', Date.parse('2026-01-14T05:00:00Z'));
    const [first = [], second = []] = await Promise.all(schedulers.map((s) => s.tick()));
    const occurrence = Date.parse('2026-01-14T05:00:00Z');
    const jobId = occurrenceJobId('s-twice', occurrence);
    expect([...first, ...second]).toEqual([jobId]);
    expect(await getJob(db, jobId)).toMatchObject({
      type: 'daily-report',
      params: { station: 'sattelberg', day: '2026-01-13' },
      origin: { user: 'clara' },
    });
    const schedule = await getSchedule(db, 's-twice');
    expect(schedule).toMatchObject({
      lastRunMs: occurrence,
      lastJobId: jobId,
      publishPending: false,
    });
    expect(schedule?.nextRunMs).toBe(Date.parse('2026-01-15T05:00:00Z'));
    // A restart, and more ticks, before the next occurrence: nothing new.
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(await countJobs('s-twice')).toBe(1);
  });

  it('catches up after downtime with the latest missed occurrence only', async () => {
    // Down since 9 January: five occurrences missed, one report queued (for the 13th).
    await addSchedule('s-catch-up', Date.parse('2026-01-10T05:00:00Z'));
    const fired = await schedulers[0]!.tick();
    expect(fired).toEqual([occurrenceJobId('s-catch-up', Date.parse('2026-01-14T05:00:00Z'))]);
    expect(await countJobs('s-catch-up')).toBe(1);
    expect((await getSchedule(db, 's-catch-up'))?.nextRunMs).toBe(
      Date.parse('2026-01-15T05:00:00Z'),
    );
  });

  it('fires again at the next occurrence, through the DST change, and puts late jobs on the queue', async () => {
    clock.now = Date.parse('2026-03-28T12:00:00Z');
    await addSchedule('s-dst', Date.parse('2026-03-28T05:00:00Z'));
    await schedulers[0]!.tick();
    expect((await getSchedule(db, 's-dst'))?.nextRunMs).toBe(Date.parse('2026-03-29T04:00:00Z'));
    // The occurrence is recorded, but the scheduler dies before publishing it.
    clock.now = Date.parse('2026-03-29T04:00:30Z');
    const recorded = await fireDueSchedules(db, clock.now);
    // (The schedules of the tests before are due again too, after this jump of the clock.)
    expect(recorded).toContain(occurrenceJobId('s-dst', Date.parse('2026-03-29T04:00:00Z')));
    expect((await getSchedule(db, 's-dst'))?.publishPending).toBe(true);
    // The other scheduler's next round puts it on the queue and fires nothing new.
    expect(await schedulers[1]!.tick()).toEqual([]);
    expect((await getSchedule(db, 's-dst'))?.publishPending).toBe(false);
    expect(await countJobs('s-dst')).toBe(2);
  }, 20_000);

  it('starts and stops as a worker', async () => {
    const worker = new Scheduler({
      db,
      bus: buses[0]!,
      logger: createLogger('silent'),
      intervalMs: 50,
      now: () => clock.now,
    });
    clock.now = Date.parse('2026-03-30T05:00:00Z');
    await addSchedule('s-worker', Date.parse('2026-03-30T04:00:00Z'));
    worker.start();
    await expect
      .poll(async () => (await getSchedule(db, 's-worker'))?.lastJobId, { timeout: 10_000 })
      .not.toBeNull();
    await worker.stop();
  });
});
