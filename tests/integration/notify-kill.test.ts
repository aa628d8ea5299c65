// A notification survives kill -9 of its worker between sending and committing: the
// webhook receiver kills the worker the moment it has the message. After a restart the
// job completes; the e-mail went out once, and the webhook's second copy (if the worker
// died before recording the first) carries the same Idempotency-Key, so the receiver
// keeps one message. Real SMTP server, real HTTP receiver, real broker and PostgreSQL.
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deterministicId } from '../../core/contracts/jobs';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { getJob } from '../../infra/jobs/job-store';
import { submitJob } from '../../infra/jobs/submit-job';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { startWorkerProcess } from '../support/station-process';

describe('a notification through kill -9 of its worker between send and commit', () => {
  let station: TestStation;
  let bus: Bus;
  let worker: ChildProcess | undefined;
  const hookKeys: string[] = [];
  const prefix = `notify-kill-${Date.now()}-${Math.floor(Math.random() * 1e6)}.`;
  let smtp: TestSmtp;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hookKeys.push(String(req.headers['idempotency-key']));
      res.writeHead(204).end(() => {
        if (hookKeys.length === 1) worker?.kill('SIGKILL'); // sent, not yet recorded nor committed
      });
    });
  });
  const startWorker = async () => {
    worker = await startWorkerProcess('notify', {
      DATABASE_URL: station.databaseUrl,
      KAFKA_BROKERS: inject('kafkaBrokers'),
      FIRN_TOPIC_PREFIX: prefix,
      FIRN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    });
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    station = await startTestStation(backends[0]!);
    bus = await openBus({
      db: station.db,
      topicPrefix: prefix,
      kafkaBrokers: inject('kafkaBrokers').split(','),
    });
    await bus.ensureTopics();
    await startWorker();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await bus.close();
    await station.close();
    await smtp.close();
    receiver.close();
  });

  it('delivers once on each channel, in effect', async () => {
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const id = deterministicId('job', 'south-foehn-wipp', '2017-03-04T14:40:00Z');
    await submitJob(station.db, bus, id, {
      queue: 'jobs.sod',
      type: 'notify',
      origin: { ruleId: 'south-foehn-wipp' },
      params: {
        subject: 'South foehn in the Wipp valley',
        text: 'Sattelberg 14 m/s from 190°; Ellbögen +4.1 K in 1 h.',
        channels: [
          { kind: 'email', to: ['operator@station.example'] },
          { kind: 'webhook', url: hookUrl, format: 'json' },
        ],
      },
    });
    await new Promise((resolve) => worker!.once('exit', resolve)); // killed by the receiver
    await startWorker();
    await expect
      .poll(async () => (await getJob(station.db, id))?.state, { timeout: 120_000, interval: 250 })
      .toBe('succeeded');
    expect(smtp.messages).toHaveLength(1);
    expect(new Set(hookKeys).size).toBe(1);
    expect(hookKeys.length).toBeLessThanOrEqual(2);
    expect((await getJob(station.db, id))?.attempts).toBe(2);
  }, 180_000);
});
