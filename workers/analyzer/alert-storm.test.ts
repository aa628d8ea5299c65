// An alert storm for one user: 1,000 alerts within seconds reach them as a few messages
// and one digest, not 1,000 e-mails. The whole path runs: ingest, relay, analyzer, the
// notify worker and a real SMTP server, on the embedded log and PGlite.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationPreferencesSchema } from '../../core/contracts/preferences';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { createLogger } from '../../infra/logger';
import { setPreferences } from '../../infra/rules/preferences-store';
import { saveRuleVersion } from '../../infra/rules/rule-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';
import { startTestSmtp, type TestSmtp } from '../../tests/support/smtp';
import { notifyHandler } from '../notify/notify-handler';
import { OutboxRelay } from '../relay/outbox-relay';
import { JobRunner } from '../runner/job-runner';
import { Analyzer } from './analyzer';

const logger = createLogger('silent');
const ALERTS = 1_000;

describe('an alert storm for one user', () => {
  let station: TestStation;
  let bus: Bus;
  const workers: { stop(): Promise<void> }[] = [];
  let smtp: TestSmtp;
  const subjects = () => smtp.messages.map((m) => /^Subject: (.*)$/m.exec(m)?.[1] ?? '');

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const port = smtp.port;
    station = await startTestStation(backends[1]!);
    bus = await openBus({ db: station.db });
    const channels = [{ kind: 'email', to: ['erik@station.example'] }];
    const storm = { maxMessages: 5, window: '3s' };
    await setPreferences(
      station.db,
      'erik',
      notificationPreferencesSchema.parse({ channels, storm }),
    );
    const rule = {
      id: 'pressure-flicker',
      name: 'Pressure sensor flicker',
      owner: 'erik',
      scope: { p: 'sattelberg.aws.air_pressure' },
      condition: { kind: 'threshold', of: 'p', compare: { op: 'above', value: 0 } },
      actions: [
        {
          queue: 'jobs.sod',
          type: 'notify',
          params: { subject: 'Flicker at {{trigger.time}}', text: 'Pressure {{values.p}} hPa' },
        },
      ],
    };
    await saveRuleVersion(station.db, {
      id: rule.id,
      owner: 'erik',
      visibility: 'everyone',
      enabled: true,
      document: rule,
      changedBy: 'test',
      change: 'created',
    });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
    });
    const relay = new OutboxRelay({ db: station.db, bus, logger });
    const analyzer = new Analyzer({ db: station.db, bus, logger, tickMs: 200 });
    const notify = new JobRunner({
      db: station.db,
      bus,
      queue: 'jobs.sod',
      handlers: [notifyHandler(station.db, { mail: { transport, from: 'firn@station.example' } })],
      logger,
    });
    relay.start();
    await analyzer.start();
    notify.start();
    workers.push(notify, analyzer, relay);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await bus.close();
    await station.close();
    await smtp.close();
  });

  it('gets a few messages and one digest instead of 1,000 e-mails', async () => {
    // The sensor flips every second over the last half hour: 1,000 alerts, all live.
    const start = Date.now() - 2 * ALERTS * 1_000;
    const observations = Array.from({ length: 2 * ALERTS }, (_, i) => ({
      datastream: 'sattelberg.aws.air_pressure',
      time: new Date(start + i * 1_000).toISOString(),
      value: i % 2 === 0 ? 1 : -1,
    }));
    expect((await station.post(JSON.stringify({ observations }))).status).toBe(200);

    await expect.poll(() => subjects().length, { timeout: 30_000, interval: 100 }).toBe(6);
    const { rows } = await station.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM alerts WHERE rule_id = 'pressure-flicker' AND firing_ms IS NOT NULL",
    );
    expect(rows[0]!.n).toBe(ALERTS);
    expect(subjects().filter((s) => s.includes('Flicker at'))).toHaveLength(5);
    expect(subjects().filter((s) => s.includes(`${ALERTS - 5} more alerts for erik`))).toHaveLength(
      1,
    );
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // a window later: nothing more
    expect(subjects()).toHaveLength(6);
  });
});
