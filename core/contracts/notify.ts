import { z } from 'zod';

/**
 * One way to reach people: e-mail, a webhook (generic JSON, or Slack/Mattermost text), or
 * the desktop: a system notification on the desks where the user is signed in, shown by
 * the control room from the live feed (so it has no address).
 */
export const notifyChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('desktop') }),
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
  if (channel.kind === 'desktop') return 'desktop';
  return channel.kind === 'email'
    ? `email:${[...channel.to].sort().join(',')}`
    : `webhook:${channel.url}`;
}

/** Whether the preferences' channels ask for desktop notifications. */
export function wantsDesktop(channels: readonly NotifyChannel[]): boolean {
  return channels.some((channel) => channel.kind === 'desktop');
}

/** One channel's delivery of one notify job, as recorded by the notify worker. */
export const deliverySchema = z.object({
  jobId: z.string(),
  channel: z.string(),
  state: z.enum(['sent', 'failed']),
  /** Tries on this channel so far; a failed channel is retried with the job. */
  attempts: z.number().int(),
  /** What the receiver answered, or why it failed. */
  detail: z.string().nullable(),
  at: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** A notify job an alert caused, with its deliveries (none while queued, or when withheld). */
export const notifyJobDeliveriesSchema = z.object({
  jobId: z.string(),
  state: z.string(),
  recipient: z.string().nullable(),
  /** Why it was not sent (quiet hours, shelved, …), or the runner's last message. */
  message: z.string().nullable(),
  createdAt: z.string(),
  deliveries: z.array(deliverySchema),
});
export type NotifyJobDeliveries = z.infer<typeof notifyJobDeliveriesSchema>;

export const deliveryRoutes = {
  alertDeliveries: {
    method: 'GET',
    path: '/api/v1/alerts/:id/deliveries',
    role: 'viewer',
    response: z.object({ jobs: z.array(notifyJobDeliveriesSchema) }),
  },
  jobDeliveries: {
    method: 'GET',
    path: '/api/v1/jobs/:id/deliveries',
    role: 'viewer',
    response: z.object({ deliveries: z.array(deliverySchema) }),
  },
} as const;
