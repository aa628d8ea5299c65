import { z } from 'zod';
import { datastreamKeySchema } from '../domain/observation';
import { actionSchema } from './action-schema';
import { conditionSchema } from './condition-schema';
import { durationSchema, positiveDurationSchema } from './duration';
import { ruleProblems } from './rule-checks';
import { scheduleSchema } from './schedule';

// A user's rule: what to watch (scope), when to alert (condition, noise control, schedule)
// and what to do (actions). Durations are texts like `30m`. Parsing a rule with ruleSchema
// also checks what only the whole rule can tell (rule-checks.ts): unknown inputs,
// expressions that do not type-check, unknown template placeholders.

export const noiseSchema = z.object({
  /** The condition must hold this long (in measurement time) before the alert fires. */
  minDuration: durationSchema.default('0s'),
  /**
   * Hysteresis: a firing alert resolves only when this condition holds. Without it, it
   * resolves when the condition fails at its recovery levels (`recovery` of thresholds).
   */
  clear: conditionSchema.optional(),
  /** After a resolve, the condition is ignored this long: no new alert within it. */
  cooldown: durationSchema.default('0s'),
  /**
   * More than `maxTransitions` fire/resolve transitions within `window` mark the rule as
   * flapping: notifications stop until it has been stable (no transition) for a window.
   */
  flap: z
    .object({ window: positiveDurationSchema, maxTransitions: z.int().min(1).max(100) })
    .optional(),
});

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'a rule id is lower case, digits, _ . -'),
    name: z.string().trim().min(1).max(200),
    owner: z.string().min(1).max(200),
    /** `station`: visible to the users of the stations in the rule's scope. */
    visibility: z.enum(['private', 'station', 'everyone']).default('private'),
    enabled: z.boolean().default(true),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    /** Named inputs (names checked in rule-checks.ts): alias → datastream key, across stations, e.g. `{ wind: 'sattelberg.aws.wind_speed' }`. */
    scope: z
      .record(z.string(), datastreamKeySchema)
      .refine((scope) => Object.keys(scope).length >= 1, 'a rule needs at least one input')
      .refine((scope) => Object.keys(scope).length <= 16, 'a rule may have at most 16 inputs'),
    condition: conditionSchema,
    noise: noiseSchema.prefault({}),
    /** How long (arrival time) the rule waits for a lagging input before evaluating without it. */
    lateness: positiveDurationSchema.default('10m'),
    /** An input's newest value counts only while it is at most this much older than the evaluation. */
    staleAfter: positiveDurationSchema.default('30m'),
    /** Transitions computed from data older than this at arrival are backfill: they do not notify. */
    horizon: durationSchema.default('1h'),
    /** When the rule is active (UTC); outside, nothing pends or fires and open alerts resolve. */
    schedule: scheduleSchema.optional(),
    actions: z.array(actionSchema).max(16).default([]),
  })
  .superRefine((rule, context) => {
    for (const { path, message } of ruleProblems(rule)) {
      context.addIssue({ code: 'custom', path, message });
    }
  });

export type Rule = z.infer<typeof ruleSchema>;
/** A rule as written by users and stored: defaults may be left out. */
export type RuleInput = z.input<typeof ruleSchema>;
export type Severity = Rule['severity'];
export type Visibility = Rule['visibility'];
export type Noise = Rule['noise'];

/** Parses a rule document; throws a ZodError listing every problem with its path. */
export function parseRule(input: unknown): Rule {
  return ruleSchema.parse(input);
}
