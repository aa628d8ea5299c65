import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deterministicId, type JobRequest } from '../../core/contracts/jobs';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { submitJob } from '../../infra/jobs/submit-job';
import { createLogger } from '../../infra/logger';
import { backends } from '../../tests/support/backends';
import { JobRunner } from '../runner/job-runner';
import { deliveriesOfJob } from '../../infra/notify/delivery-records';
import { deliveriesOf } from './delivery-store';
import { notifyHandler } from './notify-handler';

interface Mail {
  to: string[];
  data: string;
}

describe('notify jobs against a real SMTP server and a real webhook receiver', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let bus: Bus;
  let runner: JobRunner;
  const mails: Mail[] = [];
  const hooks: { path: string; key: string; body: unknown }[] = [];
  let failNextHook = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (failNextHook > 0) {
        failNextHook -= 1;
        res.writeHead(503).end();
        return;
      }
      hooks.push({
        path: req.url ?? '',
        key: String(req.headers['idempotency-key']),
        body: JSON.parse(body),
      });
      res.writeHead(204).end();
    });
  });
  let hookBase = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    ({ db, dispose } = await backends[1]!.open());
    bus = await openBus({ db });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    runner = new JobRunner({
      db,
      bus,
      queue: 'jobs.sod',
      handlers: [
        notifyHandler(
          db,
          { mail: { transport, from: 'firn@station.example' } },
          { publicUrl: 'http://desk.example:8787/' },
        ),
      ],
      logger: createLogger('silent'),
    });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await bus.close();
    await dispose();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    receiver.close();
  });

  const notify = (subject: string): JobRequest => ({
    queue: 'jobs.sod',
    type: 'notify',
    origin: { ruleId: 'south-foehn', alertId: 'a-1' },
    params: {
      subject,
      text: 'South foehn at Sattelberg: 14 m/s from 190°, Ellbögen +4.1 K in 1 h.',
      severity: 'warning',
      link: 'http://127.0.0.1:8787/alerts/a-1',
      channels: [
        { kind: 'email', to: ['operator@station.example', 'scientist@uni.example'] },
        { kind: 'webhook', url: `${hookBase}/generic`, format: 'json' },
        { kind: 'webhook', url: `${hookBase}/mattermost`, format: 'slack' },
      ],
    },
  });

  it('sends one message on each channel, and none again when the job is delivered again', async () => {
    const id = deterministicId('job', 'foehn', '2017-03-04T12:00:00Z');
    await submitJob(db, bus, id, notify('South foehn'));
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 20_000 })
      .toBe('succeeded');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to.sort()).toEqual(['operator@station.example', 'scientist@uni.example']);
    expect(mails[0]?.data).toMatch(/Subject: \[warning\] South foehn/);
    expect(hooks.map((h) => h.path).sort()).toEqual(['/generic', '/mattermost']);
    expect(hooks.find((h) => h.path === '/mattermost')?.body).toEqual({
      text: expect.stringMatching(/^\*South foehn\*/),
    });
    expect(new Set(hooks.map((h) => h.key)).size).toBe(2);

    // The worker died after delivering and before committing: the job comes again.
    await db.query("UPDATE jobs SET state = 'running' WHERE id = $1", [id]);
    await submitJob(db, bus, id, notify('South foehn'));
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 20_000 })
      .toBe('succeeded');
    expect((await getJob(db, id))?.result).toMatchObject({
      sentThisAttempt: 0,
      alreadyDelivered: 3,
    });
    expect(mails).toHaveLength(1);
    expect(hooks).toHaveLength(2);
  });

  it('retries only the channel that failed', async () => {
    mails.length = 0;
    hooks.length = 0;
    failNextHook = 2;
    const id = deterministicId('job', 'foehn', '2017-03-05T08:00:00Z');
    await submitJob(db, bus, id, notify('Foehn again'));
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 30_000 })
      .toBe('succeeded');
    expect(mails).toHaveLength(1);
    expect(hooks).toHaveLength(2);
    const records = await deliveriesOf(db, id);
    expect(records.every((r) => r.state === 'sent')).toBe(true);
    expect(Math.max(...records.map((r) => r.attempts))).toBeGreaterThan(1);
  });

  it('counts attempts per channel, hands desktop to the live feed, and links to the alert', async () => {
    hooks.length = 0;
    failNextHook = 2;
    const id = deterministicId('job', 'foehn', '2017-03-06T08:00:00Z');
    await submitJob(db, bus, id, {
      queue: 'jobs.sod',
      type: 'notify',
      origin: { ruleId: 'south-foehn', alertId: 'south-foehn@2017-03-06T08:00:00.000Z' },
      params: {
        subject: 'Foehn, third day',
        text: 'Still blowing.',
        channels: [{ kind: 'desktop' }, { kind: 'webhook', url: `${hookBase}/generic` }],
      },
    });
    await expect
      .poll(async () => (await getJob(db, id))?.state, { timeout: 30_000 })
      .toBe('succeeded');
    const records = await deliveriesOfJob(db, id);
    expect(records.map((r) => [r.channel, r.state, r.attempts])).toEqual([
      ['desktop', 'sent', 1],
      [`webhook:${hookBase}/generic`, 'sent', 3],
    ]);
    expect(records[1]?.detail).toMatch(/answered 204/);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.body).toMatchObject({
      link: 'http://desk.example:8787/#/alerts/south-foehn%402017-03-06T08%3A00%3A00.000Z',
    });
  });
});
