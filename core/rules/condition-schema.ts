import { z } from 'zod';
import { parseDuration, positiveDurationSchema, windowDurationSchema } from './duration';
import {
  comparisonSchema,
  expressionTextSchema,
  inputAliasSchema,
  type Comparison,
} from './condition-parts';
import { scheduleSchema } from './schedule';

export { comparisonSchema, expressionTextSchema, inputAliasSchema, type Comparison };

// Conditions of a rule, a discriminated union on `kind`. Inputs are named by the aliases of
// the rule's scope (`wind`, `t`), never by datastream keys, so a rule can be pointed at
// another station by editing its scope alone. Which aliases exist is checked with the
// whole rule (rule-checks.ts); these schemas check the shape of each condition.

/** A number (an input alias, or any number expression such as `abs(dir - 180)`) compared. */
export const thresholdConditionSchema = z.object({
  kind: z.literal('threshold'),
  of: expressionTextSchema,
  compare: comparisonSchema,
});

/**
 * Change of an input within a period: `rise` is the newest value minus the lowest of
 * [now − within, now], `drop` the highest of that period minus the newest value. It holds
 * when the change exceeds `by`; once firing, it clears when the change is no longer above
 * `recovery` (default: `by`).
 */
export const rateOfChangeConditionSchema = z
  .object({
    kind: z.literal('rateOfChange'),
    input: inputAliasSchema,
    direction: z.enum(['rise', 'drop']),
    by: z.number().positive(),
    within: windowDurationSchema,
    recovery: z.number().nonnegative().optional(),
  })
  .refine((c) => c.recovery === undefined || c.recovery <= c.by, {
    message: 'recovery must not exceed by',
    path: ['recovery'],
  });

export const AGGREGATES = ['mean', 'min', 'max', 'stddev', 'count', 'sum'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * An aggregate over a window, compared. `sliding`: the values of (now − window, now].
 * `tumbling`: the last complete window of a fixed grid from the epoch (whole hours for 1h),
 * so the value changes only when a window closes. `stddev` is the population deviation.
 */
export const windowAggregateConditionSchema = z.object({
  kind: z.literal('windowAggregate'),
  input: inputAliasSchema,
  aggregate: z.enum(AGGREGATES),
  window: windowDurationSchema,
  windowType: z.enum(['sliding', 'tumbling']).default('sliding'),
  compare: comparisonSchema,
});

/**
 * No value of an input for `after` (default: three cadences) plus half a cadence of grace
 * for jitter. With a schedule, it holds only inside it and counts from the schedule's start,
 * so a night-only instrument is not missing during the day nor at dusk.
 */
export const missingDataConditionSchema = z
  .object({
    kind: z.literal('missingData'),
    input: inputAliasSchema,
    cadence: positiveDurationSchema,
    after: positiveDurationSchema.optional(),
    schedule: scheduleSchema.optional(),
  })
  .refine(
    (c) =>
      c.after === undefined || (parseDuration(c.after) ?? 0) >= (parseDuration(c.cadence) ?? 0),
    {
      message: 'after must be at least one cadence, or every late value would count as missing',
      path: ['after'],
    },
  );

/** A boolean expression, e.g. `wind > 10 and abs(dir - 180) < 45`. */
export const expressionConditionSchema = z.object({
  kind: z.literal('expression'),
  expression: expressionTextSchema,
});

const allConditionSchema = z.object({
  kind: z.literal('all'),
  get conditions(): z.ZodArray<typeof conditionSchema> {
    return z.array(conditionSchema).min(1).max(16);
  },
});

const anyConditionSchema = z.object({
  kind: z.literal('any'),
  get conditions(): z.ZodArray<typeof conditionSchema> {
    return z.array(conditionSchema).min(1).max(16);
  },
});

/** Negation has no hysteresis of its own: its condition is always taken at its trigger level. */
const notConditionSchema = z.object({
  kind: z.literal('not'),
  get condition(): typeof conditionSchema {
    return conditionSchema;
  },
});

export const conditionSchema = z.discriminatedUnion('kind', [
  thresholdConditionSchema,
  rateOfChangeConditionSchema,
  windowAggregateConditionSchema,
  missingDataConditionSchema,
  expressionConditionSchema,
  allConditionSchema,
  anyConditionSchema,
  notConditionSchema,
]);

export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition['kind'];
export type ThresholdCondition = z.infer<typeof thresholdConditionSchema>;
export type RateOfChangeCondition = z.infer<typeof rateOfChangeConditionSchema>;
export type WindowAggregateCondition = z.infer<typeof windowAggregateConditionSchema>;
export type MissingDataCondition = z.infer<typeof missingDataConditionSchema>;
