import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../infra/db/types';
import type { JobRow } from '../../infra/jobs/job-store';
import { backends } from '../../tests/support/backends';
import { startTestSmtp, type TestSmtp } from '../../tests/support/smtp';
import { deliveriesOf } from './delivery-store';
import { notifyHandler } from './notify-handler';

/**
 * PostgreSQL restarting just after a mail left: the soak found such a mail sent twice (the
 * job failed on its record, was retried and sent again). The record now waits for the
 * database; the job succeeds with one mail. The restart is played by failing the record's
 * statement as PostgreSQL does while it starts up.
 */
describe('a delivery record while the database restarts', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let smtp: TestSmtp;
  beforeAll(async () => {
    ({ db, dispose } = await backends[1]!.open());
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await dispose();
  });

  it('waits for the database instead of sending again', async () => {
    const job = {
      id: 'notify-restart-1',
      queue: 'jobs.sod',
      type: 'notify',
      params: {
        subject: 'Foehn at Sattelberg',
        text: 'gusts above 25 m/s',
        channels: [{ kind: 'email', to: ['desk@example.org'] }],
      },
      origin: {},
    } as unknown as JobRow;
    await db.query(
      `INSERT INTO jobs (id, queue, type, params, origin) VALUES ($1, $2, $3, $4, $5)`,
      [job.id, job.queue, job.type, JSON.stringify(job.params), '{}'],
    );
    let refusals = 3;
    const restarting: Database = {
      ...db,
      query: (sql, params) => {
        if (/INSERT INTO deliveries/.test(sql) && refusals > 0) {
          refusals -= 1;
          return Promise.reject(new Error('the database system is starting up'));
        }
        return db.query(sql, params);
      },
    };
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    const handler = notifyHandler(restarting, { mail: { transport, from: 'firn@example.org' } });
    const context = {
      progress: async () => undefined,
      log: async () => undefined,
      signal: new AbortController().signal,
    };
    const result = await handler.run(job, context);
    expect(result).toMatchObject({ sentThisAttempt: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(refusals).toBe(0);
    expect(await deliveriesOf(db, job.id)).toMatchObject([{ state: 'sent', attempts: 1 }]);
    transport.close();
  });
});
