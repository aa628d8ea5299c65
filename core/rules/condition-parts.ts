import { z } from 'zod';
import { isKeyword } from './expression/ast';
import { MAX_EXPRESSION_LENGTH } from './expression/errors';

// The small pieces conditions are made of: input names, expression texts, comparisons.

export const inputAliasSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,31}$/,
    'an input name is a letter or _ and then letters, digits, _',
  )
  .refine((name) => !isKeyword(name), 'and, or, not, true and false cannot name an input');

export const expressionTextSchema = z.string().min(1).max(MAX_EXPRESSION_LENGTH);

/** `recovery` is the level at which a firing alert clears (hysteresis), e.g. above 10, clear below 8. */
export const comparisonSchema = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('above'), value: z.number(), recovery: z.number().optional() })
    .refine((c) => c.recovery === undefined || c.recovery <= c.value, {
      message: 'recovery of "above" must not be higher than the value',
      path: ['recovery'],
    }),
  z
    .object({ op: z.literal('below'), value: z.number(), recovery: z.number().optional() })
    .refine((c) => c.recovery === undefined || c.recovery >= c.value, {
      message: 'recovery of "below" must not be lower than the value',
      path: ['recovery'],
    }),
  z
    .object({ op: z.literal('between'), min: z.number(), max: z.number() })
    .refine((c) => c.min <= c.max, { message: 'min must not exceed max', path: ['max'] }),
  z
    .object({ op: z.literal('outside'), min: z.number(), max: z.number() })
    .refine((c) => c.min <= c.max, { message: 'min must not exceed max', path: ['max'] }),
]);

export type Comparison = z.infer<typeof comparisonSchema>;
