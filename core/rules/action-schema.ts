import { z } from 'zod';
import type { TemplateValue } from './template';

// What a rule does when its alert fires (or resolves): a job on one of the on-demand queues.
// The job's id derives from the alert (rule and trigger start) and the action's position,
// so a redelivered or re-evaluated trigger never makes a second job.

export const JOB_QUEUES = ['jobs.cod', 'jobs.sod', 'jobs.ood'] as const;
export type JobQueue = (typeof JOB_QUEUES)[number];

const templateValueSchema: z.ZodType<TemplateValue> = z.lazy(() =>
  z.union([
    z.string().max(4000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(templateValueSchema).max(200),
    z.record(z.string().max(100), templateValueSchema),
  ]),
);

export const actionSchema = z.object({
  /** CoD (simulations), SoD (evaluations, notifications) or OoD (instrument commands). */
  queue: z.enum(JOB_QUEUES),
  /** What the worker on that queue does, e.g. `backward-dispersion` or `notify`. */
  type: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a job type is lower-case words joined by -'),
  /** The transition that makes the job. */
  on: z.enum(['firing', 'resolved']).default('firing'),
  /** Parameters; strings may hold `{{trigger.start}}`-style placeholders (template.ts). */
  params: z.record(z.string().max(100), templateValueSchema).default({}),
});

export type Action = z.infer<typeof actionSchema>;
