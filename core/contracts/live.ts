import { z } from 'zod';

/** Messages the renderer sends on the live socket (`routes.live`). */
export const liveClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), datastreams: z.array(z.string()).max(200) }),
  z.object({ type: z.literal('unsubscribe'), datastreams: z.array(z.string()).max(200) }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

/** Messages the server pushes: new observations of subscribed datastreams, columnar. */
export const liveServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('observations'),
    datastream: z.string(),
    t: z.array(z.number()),
    v: z.array(z.number()),
  }),
  z.object({ type: z.literal('subscribed'), datastreams: z.array(z.string()) }),
  /** An alert transition, sent to every client (they are few, and the header shows them). */
  z.object({
    type: z.literal('alert'),
    id: z.string(),
    transition: z.string(),
    ruleId: z.string(),
    alertId: z.string().nullable(),
    severity: z.enum(['info', 'warning', 'critical']),
    atMs: z.number(),
    notify: z.boolean(),
    backfill: z.boolean(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
