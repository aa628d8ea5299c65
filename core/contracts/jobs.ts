import { z } from 'zod';

/** The dedicated queues: Computing, Service and Operating on Demand. */
export const jobQueues = ['jobs.cod', 'jobs.sod', 'jobs.ood'] as const;
export type JobQueue = (typeof jobQueues)[number];

export const jobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];
export const finishedJobStates: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

/** What asks for a job: the payload of the envelope on a `jobs.*` topic. */
export const jobRequestSchema = z.object({
  queue: z.enum(jobQueues),
  /** The handler that runs it, e.g. `backward-dispersion`, `notify`, `instrument-command`. */
  type: z.string().regex(/^[a-z][a-z0-9-]*$/),
  params: z.record(z.string(), z.unknown()),
  /** Where it came from: the rule and alert that proposed it, or the user who asked. */
  origin: z
    .object({
      ruleId: z.string(),
      /** The rule version whose evaluation proposed it. */
      ruleVersion: z.number().int(),
      alertId: z.string(),
      /** The trigger: its window and the inputs' values at the transition (the observations). */
      trigger: z.object({
        startMs: z.number(),
        atMs: z.number(),
        values: z.record(z.string(), z.number().nullable()),
      }),
      user: z.string(),
      /** Whom a notification is for (its channels are that user's). */
      recipient: z.string(),
    })
    .partial()
    .default({}),
});
export type JobRequest = z.infer<typeof jobRequestSchema>;

/** The payload of a `job-events` message: one step in a job's life. */
export const jobEventSchema = z.object({
  jobId: z.string(),
  state: z.enum(jobStates),
  /** 0..1 while running. */
  progress: z.number().min(0).max(1).nullable(),
  message: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type JobEvent = z.infer<typeof jobEventSchema>;

/**
 * A deterministic id from what caused something (e.g. rule id and trigger window), so a
 * redelivered cause yields the same id and no second job. cyrb53 twice with two seeds:
 * pure TypeScript (core has no crypto module), 106 bits, collisions negligible here.
 */
export function deterministicId(prefix: string, ...parts: string[]): string {
  const text = parts.join('\u0000');
  return `${prefix}-${cyrb53(text, 0x9e3779b9).toString(16).padStart(14, '0')}${cyrb53(text, 0x85ebca6b).toString(16).padStart(14, '0')}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
