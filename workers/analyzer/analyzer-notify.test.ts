// The analyzer on the embedded log and PGlite: who hears of an alert. The engine's verdict
// (backfill), what people did (shelve) and the owner's preferences (channels, minimum
// severity) decide whether a rule's notification goes out; a withheld one is recorded with
// its reason. The real-broker run of the foehn rule is in tests/integration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationPreferencesSchema } from '../../core/contracts/preferences';
import type { RuleInput } from '../../core/rules/index';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { getJob } from '../../infra/jobs/job-store';
import { createLogger } from '../../infra/logger';
import { setAlertHandling, listAlerts } from '../../infra/rules/alert-store';
import { setPreferences } from '../../infra/rules/preferences-store';
import { saveRuleVersion } from '../../infra/rules/rule-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { OutboxRelay } from '../relay/outbox-relay';
import { Analyzer } from './analyzer';

const logger = createLogger('silent');
const MINUTE = 60_000;
const channels = [
  { kind: 'webhook' as const, url: 'http://127.0.0.1:9/hook', format: 'json' as const },
];

function coldRule(id: string, severity: 'warning' | 'critical', owner: string): RuleInput {
  const notify = (on: 'firing' | 'resolved') => ({
    queue: 'jobs.sod' as const,
    type: 'notify',
    on,
    params: { subject: `${id} ${on} at {{trigger.time}}`, text: 'Air {{values.t}} °C' },
  });
  return {
    id,
    name: id,
    owner,
    severity,
    scope: { t: 'sattelberg.aws.air_temperature' },
    condition: { kind: 'threshold', of: 't', compare: { op: 'below', value: 0 } },
    actions: [notify('firing'), notify('resolved')],
  };
}

describe('analyzer notifications on the embedded log', () => {
  let station: TestStation;
  let bus: Bus;
  let relay: OutboxRelay;
  let analyzer: Analyzer;
  const ingest = async (values: [number, number][]) => {
    const observations = values.map(([timeMs, value]) => ({
      datastream: 'sattelberg.aws.air_temperature',
      time: new Date(timeMs).toISOString(),
      value,
    }));
    expect((await station.post(JSON.stringify({ observations }))).status).toBe(200);
    relay.wake();
  };
  const jobOf = async (alertStartMs: number, rule: string, index: number) =>
    getJob(station.db, `${rule}@${new Date(alertStartMs).toISOString()}/${index}-notify`);
  const save = (rule: RuleInput) =>
    saveRuleVersion(station.db, {
      id: rule.id,
      owner: rule.owner,
      visibility: 'everyone',
      enabled: true,
      document: rule as unknown as Record<string, unknown>,
      changedBy: 'test',
      change: 'created',
    });

  beforeAll(async () => {
    station = await startTestStation(backends[1]!);
    bus = await openBus({ db: station.db });
    relay = new OutboxRelay({ db: station.db, bus, logger });
    relay.start();
    const preferences = (p: unknown) => notificationPreferencesSchema.parse(p);
    await setPreferences(station.db, 'anna', preferences({ channels }));
    await setPreferences(station.db, 'ben', preferences({ channels, minSeverity: 'critical' }));
    await save(coldRule('cold-anna', 'warning', 'anna'));
    await save(coldRule('cold-ben', 'warning', 'ben'));
    analyzer = new Analyzer({ db: station.db, bus, logger, tickMs: 50 });
    await analyzer.start();
  });
  afterAll(async () => {
    await analyzer.stop();
    await relay.stop();
    await bus.close();
    await station.close();
  });

  it('sends to the owner’s channels, withholds below their minimum severity, and while shelved', async () => {
    const start = Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE;
    await ingest([
      [start, 2],
      [start + 10 * MINUTE, -1],
    ]);
    const fired = start + 10 * MINUTE;
    await expect.poll(() => jobOf(fired, 'cold-anna', 0), { timeout: 10_000 }).toBeDefined();
    const annas = await jobOf(fired, 'cold-anna', 0);
    expect(annas?.params).toMatchObject({
      channels,
      subject: expect.stringContaining('cold-anna firing'),
    });
    expect(annas?.state).not.toBe('cancelled');
    await expect.poll(async () => (await jobOf(fired, 'cold-ben', 0))?.state).toBe('cancelled');
    expect((await jobOf(fired, 'cold-ben', 0))?.message).toMatch(
      /ben: below the minimum severity critical/,
    );

    const [open] = await listAlerts(station.db, { ruleId: 'cold-anna', open: true, limit: 1 });
    expect(open?.status).toBe('firing');
    await setAlertHandling(station.db, open!.id, {
      acknowledged: null,
      shelvedUntilMs: Date.now() + 3_600_000,
    });
    await ingest([[start + 20 * MINUTE, 3]]);
    await expect.poll(async () => (await jobOf(fired, 'cold-anna', 1))?.message).toMatch(/shelved/);
  });

  it('records but does not send what old data raises (backfill)', async () => {
    // A datastream whose data arrives three hours after it was measured (a hut catching up).
    await save({
      ...coldRule('cold-pressure', 'critical', 'anna'),
      scope: { t: 'sattelberg.aws.air_pressure' },
    });
    const late = Date.now() - 3 * 3_600_000;
    await expect.poll(() => analyzer.status.rules).toBe(3);
    const observations = [
      { datastream: 'sattelberg.aws.air_pressure', time: new Date(late).toISOString(), value: 1 },
      {
        datastream: 'sattelberg.aws.air_pressure',
        time: new Date(late + MINUTE).toISOString(),
        value: -1,
      },
    ];
    expect((await station.post(JSON.stringify({ observations }))).status).toBe(200);
    relay.wake();
    await expect
      .poll(async () => (await jobOf(late + MINUTE, 'cold-pressure', 0))?.message, {
        timeout: 10_000,
      })
      .toMatch(/backfill/);
    expect((await jobOf(late + MINUTE, 'cold-pressure', 0))?.state).toBe('cancelled');
  });
});
