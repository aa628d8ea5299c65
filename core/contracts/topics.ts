import { z } from 'zod';
import { datastreamKeySchema } from '../domain/observation';

// The one table of bus topics: message schema, partitions and retention. Producers and
// consumers (Kafka and the embedded log alike) derive from it, and docs/message-format.md
// describes it for other Kafka clients. Every message is JSON with a version field `v`;
// readers ignore fields they do not know, and a breaking change bumps `v`.

const DAY_MS = 24 * 60 * 60 * 1000;
const isoTime = z.iso.datetime({ offset: true });

/** One stored observation, keyed by its datastream so one datastream stays on one partition. */
export const observationMessageSchema = z.object({
  v: z.literal(1),
  datastream: datastreamKeySchema,
  time: isoTime,
  /** The same instant as `time`, in epoch milliseconds (UTC), for cheap comparisons. */
  timeMs: z.number().int(),
  value: z.number(),
  quality: z.string().nullable(),
  /** The ingest batch that stored it; ties a message back to its outbox row. */
  batchId: z.number().int().nonnegative(),
});

/** The versioned envelope of topics whose payloads are designed with their workers. */
export const envelopeMessageSchema = z.object({
  v: z.literal(1),
  /** Derived from what caused the message, so a redelivered cause yields the same id. */
  id: z.string().min(1),
  type: z.string().min(1),
  at: isoTime,
  payload: z.record(z.string(), z.unknown()),
});

/** A message that kept failing, kept with where it came from and why it failed. */
export const deadLetterMessageSchema = z.object({
  v: z.literal(1),
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  /** A 64-bit offset as a decimal string, as Kafka clients print it. */
  offset: z.string().regex(/^\d+$/),
  key: z.string().nullable(),
  error: z.string(),
  /** The original message text, unparsed: it may be what was wrong. */
  value: z.string(),
  at: isoTime,
});

interface TopicSpec {
  schema: z.ZodType;
  partitions: number;
  retentionMs: number;
  /** What the message key is; messages with the same key keep their order. */
  key: string;
}

const job = (kind: string): TopicSpec => ({
  schema: envelopeMessageSchema,
  partitions: 3,
  retentionMs: 30 * DAY_MS,
  key: `the ${kind} job id`,
});

export const topics = {
  observations: {
    schema: observationMessageSchema,
    partitions: 6,
    retentionMs: 7 * DAY_MS,
    key: 'the datastream key, e.g. sattelberg.aws.air_temperature',
  },
  alerts: { ...job('alert'), key: 'the id of the rule that raised it (its alerts stay in order)' },
  'jobs.cod': job('computing-on-demand'),
  'jobs.sod': job('service-on-demand'),
  'jobs.ood': job('operating-on-demand'),
  'job-events': { ...job('event'), key: 'the id of the job the event belongs to' },
  'dead-letter': {
    ...job('dead-letter'),
    schema: deadLetterMessageSchema,
    key: 'the key of the original message',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = keyof typeof topics;
export type MessageOf<T extends TopicName> = z.infer<(typeof topics)[T]['schema']>;
export const topicNames = Object.keys(topics) as TopicName[];

/** The message text for the bus; typed by the table, so a wrong shape fails to compile. */
export function encodeMessage<T extends TopicName>(_topic: T, message: MessageOf<T>): string {
  return JSON.stringify(message);
}

export type Decoded<T extends TopicName> =
  { ok: true; message: MessageOf<T> } | { ok: false; error: string };

/** Parses and checks a message read from `topic`; a bad one is an answer, never a throw. */
export function decodeMessage<T extends TopicName>(topic: T, text: string): Decoded<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = topics[topic].schema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data as MessageOf<T> };
  return { ok: false, error: z.prettifyError(parsed.error) };
}
