import { channelKey, notifyParamsSchema } from '../../core/contracts/notify';
import type { Database } from '../../infra/db/types';
import { PermanentJobError, type JobHandler } from '../runner/job-handler';
import { sendOnChannel, type ChannelSenders } from './channels';
import { deliveredChannels, recordDelivery, recordSent } from './delivery-store';
import { withAlertLink } from './alert-link';

/**
 * `notify` jobs on jobs.sod: one message per configured channel. Each delivery is recorded
 * before the job's offset is committed; a redelivered job sends only on the channels that
 * have no record yet, so nobody gets the same alert twice. A channel that fails makes the
 * job fail this attempt (it is retried with backoff) without re-sending the others.
 */
export function notifyHandler(
  db: Database,
  senders: ChannelSenders,
  options: { publicUrl?: string } = {},
): JobHandler {
  return {
    type: 'notify',
    async run(job, context) {
      const parsed = notifyParamsSchema.safeParse(job.params);
      if (!parsed.success)
        throw new PermanentJobError(`bad notify parameters: ${parsed.error.message}`);
      const params = withAlertLink(parsed.data, job.origin.alertId, options.publicUrl);
      const done = await deliveredChannels(db, job.id);
      const failures: string[] = [];
      let sent = 0;
      for (const [i, channel] of params.channels.entries()) {
        const key = channelKey(channel);
        if (done.has(key)) continue;
        let detail: string;
        try {
          detail = await sendOnChannel(senders, channel, params, `${job.id}:${key}`);
        } catch (error) {
          const reason = `${key}: ${(error as Error).message}`;
          await recordDelivery(db, job.id, key, 'failed', reason);
          failures.push(reason);
          continue;
        }
        await recordSent(db, job.id, key, detail, context.signal);
        sent += 1;
        await context.progress((i + 1) / params.channels.length);
      }
      if (failures.length > 0) throw new Error(`delivery failed on ${failures.join('; ')}`);
      return {
        channels: params.channels.length,
        sentThisAttempt: sent,
        alreadyDelivered: done.size,
      };
    },
  };
}
