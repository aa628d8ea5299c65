import { z } from 'zod';
import { stationIdSchema } from '../domain/station';

// The `evaluation` job on jobs.sod (issue 6): its parameters in one place, so schedules,
// the jobs route and the worker check the same thing. The report it stores: ./report.ts.

export const evaluationChecks = ['completeness', 'range', 'spike', 'stuck', 'comparison'] as const;
export type EvaluationCheck = (typeof evaluationChecks)[number];

/** The longest window one evaluation reads: a year and a bit (a 10-minute year is 52,560 values). */
export const MAX_WINDOW_MS = 400 * 86_400_000;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const evaluationParamsSchema = z
  .object({
    /** Every datastream of these stations… */
    stations: z.array(stationIdSchema).min(1).max(20).optional(),
    /** …and/or these datastreams by key. */
    datastreams: z.array(z.string().min(3).max(200)).min(1).max(200).optional(),
    /** A window in epoch ms [fromMs, toMs)… */
    fromMs: z.number().int().optional(),
    toMs: z.number().int().optional(),
    /** …or one calendar day (YYYY-MM-DD) in `timeZone` (default UTC). */
    day: z.iso.date().optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'an IANA time zone, e.g. Europe/Vienna')
      .optional(),
    /** Statistics always come with the report; these are the checks on top. Default: all. */
    checks: z
      .array(z.enum(evaluationChecks))
      .min(1)
      .default([...evaluationChecks]),
  })
  .refine((p) => p.stations !== undefined || p.datastreams !== undefined, {
    message: 'name the stations or the datastreams to evaluate',
  })
  .refine((p) => (p.day === undefined) !== (p.fromMs === undefined && p.toMs === undefined), {
    message: 'give either a day (with an optional timeZone) or fromMs and toMs',
  })
  .refine((p) => p.day !== undefined || (p.fromMs !== undefined && p.toMs !== undefined), {
    message: 'fromMs and toMs go together',
  })
  .refine(
    (p) => p.fromMs === undefined || p.toMs === undefined || p.toMs > p.fromMs,
    'toMs must be after fromMs',
  )
  .refine(
    (p) => p.fromMs === undefined || p.toMs === undefined || p.toMs - p.fromMs <= MAX_WINDOW_MS,
    'the window may be at most 400 days',
  );
export type EvaluationParams = z.infer<typeof evaluationParamsSchema>;
