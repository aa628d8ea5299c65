import { z } from 'zod';
import { stationIdSchema } from '../domain/station';
import { evaluationChecks } from './evaluation';

// What an evaluation stores and the reports routes send: per datastream its completeness,
// statistics and limits; the findings of the checks; the station comparison.

const spanSchema = z.object({ fromMs: z.number(), toMs: z.number() });

/** One thing a check found: which datastream, when, and the numbers behind it. */
export const findingSchema = spanSchema.extend({
  check: z.enum(['range', 'spike', 'stuck']),
  datastream: z.string(),
  /** Values involved (out of range, the spike, the repeated run). */
  count: z.number().int(),
  message: z.string(),
  figures: z.record(z.string(), z.number()),
});
export type Finding = z.infer<typeof findingSchema>;

export const statisticsSchema = z.object({
  count: z.number().int(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  stddev: z.number(),
  p05: z.number(),
  median: z.number(),
  p95: z.number(),
});
export type Statistics = z.infer<typeof statisticsSchema>;

export const datastreamSummarySchema = z.object({
  datastream: z.string(),
  unit: z.string(),
  cadenceSeconds: z.number().nullable(),
  /** Null when the datastream has no cadence (nothing to miss) or the check was not asked for. */
  completeness: z
    .object({
      expected: z.number().int(),
      present: z.number().int(),
      ratio: z.number().nullable(),
      gaps: z.array(spanSchema.extend({ slots: z.number().int() })),
    })
    .nullable(),
  statistics: statisticsSchema.nullable(),
  /** The limits the range check used, and where they came from. */
  limits: z.object({ min: z.number(), max: z.number(), source: z.string() }).nullable(),
  /** Findings per check, before the stored list was capped. */
  findingCounts: z.record(z.string(), z.number().int()),
  /** Checks that do not apply to this quantity, with why (e.g. spikes on a direction). */
  skipped: z.array(z.string()),
});
export type DatastreamSummary = z.infer<typeof datastreamSummarySchema>;

export const comparisonSchema = z.object({
  a: z.string(),
  b: z.string(),
  commonSamples: z.number().int(),
  /** Mean of a − b over the common timestamps. */
  meanDifference: z.number().nullable(),
  /** Pearson correlation; null below 3 common samples or when one side is constant. */
  correlation: z.number().nullable(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const reportSummarySchema = z.object({
  checks: z.array(z.enum(evaluationChecks)),
  datastreams: z.array(datastreamSummarySchema),
  comparisons: z.array(comparisonSchema),
  /** Expected-weighted completeness over all datastreams with a cadence. */
  completeness: z.number().nullable(),
  findings: z.number().int(),
  /** True when some findings were left out of the stored list (counts stay exact). */
  truncated: z.boolean(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A report in the list: what, when, how it went. */
export const reportListItemSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  kind: z.string(),
  stations: z.array(z.string()),
  fromMs: z.number(),
  toMs: z.number(),
  createdAt: z.string(),
  completeness: z.number().nullable(),
  findingCount: z.number().int(),
});
export const reportListSchema = z.object({ reports: z.array(reportListItemSchema) });
export type ReportListItem = z.infer<typeof reportListItemSchema>;

export const storedReportSchema = reportListItemSchema.extend({
  summary: reportSummarySchema,
  findings: z.array(findingSchema),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export const reportsQuerySchema = z.object({
  station: stationIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
