import { z } from 'zod';

/** One way to reach people: e-mail, or a webhook (generic JSON, or Slack/Mattermost text). */
export const notifyChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), to: z.array(z.email()).min(1).max(100) }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
    format: z.enum(['json', 'slack']).default('json'),
  }),
]);
export type NotifyChannel = z.infer<typeof notifyChannelSchema>;

/** Parameters of a `notify` job on `jobs.sod`. */
export const notifyParamsSchema = z.object({
  subject: z.string().min(1).max(300),
  text: z.string().max(20_000),
  severity: z.enum(['info', 'warning', 'critical']).default('info'),
  /** A link back to what the message is about (the alert in the control room). */
  link: z.url().optional(),
  channels: z.array(notifyChannelSchema).min(1).max(20),
});
export type NotifyParams = z.infer<typeof notifyParamsSchema>;

/** A stable name for a channel of a job, the key of its delivery record. */
export function channelKey(channel: NotifyChannel): string {
  return channel.kind === 'email'
    ? `email:${[...channel.to].sort().join(',')}`
    : `webhook:${channel.url}`;
}
