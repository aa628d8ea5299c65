import { z } from 'zod';
import { completeness, type Gap } from '../../core/reports/completeness';
import type { Database } from '../../infra/db/types';
import { PermanentJobError, type JobHandler } from '../runner/job-handler';

const DAY_MS = 86_400_000;

export const dailyReportParamsSchema = z.object({
  station: z.string().min(1).max(100),
  /** The UTC day, YYYY-MM-DD. */
  day: z.iso.date(),
});

export interface DatastreamDay {
  datastream: string;
  /** Null when the datastream has no expected cadence (irregular data): nothing to miss. */
  expected: number | null;
  present: number;
  completeness: number | null;
  gaps: Gap[];
  min: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * `daily-report` jobs on jobs.sod (an evaluation, Service on Demand): for one station and
 * UTC day, each datastream's completeness against its cadence, with the gaps, and the
 * day's minimum, maximum and mean. Small enough to keep in the job's result.
 */
export function dailyReportHandler(db: Database): JobHandler {
  return {
    type: 'daily-report',
    async run(job, context) {
      const parsed = dailyReportParamsSchema.safeParse(job.params);
      if (!parsed.success) {
        throw new PermanentJobError(`bad parameters: ${z.prettifyError(parsed.error)}`);
      }
      const { station, day } = parsed.data;
      const fromMs = Date.parse(`${day}T00:00:00Z`);
      const { rows } = await db.query<{
        key: string;
        cadence: number | null;
        times: number[];
        min: number | null;
        max: number | null;
        mean: number | null;
      }>(
        `SELECT d.key, d.cadence_seconds AS cadence, min(o.value) AS min, max(o.value) AS max,
           avg(o.value) AS mean,
           coalesce(array_to_json(array_agg((extract(epoch FROM o.time) * 1000)::float8
             ORDER BY o.time) FILTER (WHERE o.time IS NOT NULL)), '[]') AS times
         FROM datastreams d LEFT JOIN observations o ON o.datastream_id = d.id
           AND o.time >= to_timestamp($2 / 1000.0) AND o.time < to_timestamp($3 / 1000.0)
         WHERE d.station_id = $1 GROUP BY d.key, d.cadence_seconds ORDER BY d.key`,
        [station, fromMs, fromMs + DAY_MS],
      );
      if (rows.length === 0) throw new PermanentJobError(`station "${station}" has no datastreams`);
      const datastreams = rows.map((row): DatastreamDay => {
        const { key, cadence, times, min, max, mean } = row;
        const stats = { min, max, mean: mean === null ? null : Number(mean) };
        if (cadence === null) {
          const base = { expected: null, completeness: null, gaps: [] };
          return { datastream: key, ...base, present: times.length, ...stats };
        }
        const c = completeness(times, fromMs, fromMs + DAY_MS, cadence * 1000);
        return {
          datastream: key,
          expected: c.expected,
          present: c.present,
          completeness: c.ratio,
          gaps: c.gaps,
          ...stats,
        };
      });
      await context.progress(1);
      const expected = datastreams.reduce((sum, d) => sum + (d.expected ?? 0), 0);
      const present = datastreams.reduce(
        (sum, d) => sum + (d.expected === null ? 0 : d.present),
        0,
      );
      return {
        station,
        day,
        completeness: expected === 0 ? null : present / expected,
        datastreams,
      };
    },
  };
}
