import { z } from 'zod';
import { evaluationParamsSchema } from '../../core/contracts/evaluation';
import { comparablePairs } from '../../core/reports/comparison';
import { evaluateDatastream, type DatastreamInput } from '../../core/reports/evaluate-datastream';
import { assembleReport } from '../../core/reports/evaluate';
import { windowOf } from '../../core/reports/window';
import type { Database } from '../../infra/db/types';
import { datastreamsToEvaluate, seriesInWindow } from '../../infra/reports/evaluation-source';
import { upsertReport } from '../../infra/reports/report-store';
import { PermanentJobError, type JobHandler } from '../runner/job-handler';

/** The report of a job: one per job, whatever happens to the job (redelivery, retries). */
export const reportIdOf = (jobId: string) => `report-${jobId}`;

/**
 * `evaluation` jobs on jobs.sod (Service on Demand): completeness, range, spike and
 * stuck-sensor checks, statistics and the station comparison over a window, one datastream
 * at a time with progress; the report is stored (upserted by the job's id) as its effect.
 */
export function evaluationHandler(db: Database): JobHandler {
  return {
    type: 'evaluation',
    async run(job, context) {
      const parsed = evaluationParamsSchema.safeParse(job.params);
      if (!parsed.success) {
        throw new PermanentJobError(`bad parameters: ${z.prettifyError(parsed.error)}`);
      }
      const params = parsed.data;
      const window = windowOf(params);
      const catalog = await datastreamsToEvaluate(
        db,
        params.stations ?? [],
        params.datastreams ?? [],
      );
      if (catalog.length === 0) throw new PermanentJobError('no datastreams match the request');
      // Only datastreams with a partner at another station keep their series for the
      // comparison; the others are dropped once checked (a year is 52,560 values each).
      const compared = new Set(comparablePairs(catalog.map((row) => row.key)).flat());
      const evaluated = [];
      for (const [i, row] of catalog.entries()) {
        if (context.signal.aborted) throw new Error('cancelled');
        const input: DatastreamInput = {
          key: row.key,
          variable: row.variable,
          unit: row.unit,
          cadenceSeconds: row.cadenceSeconds,
          catalogLimits: { min: row.validMin, max: row.validMax },
          series: await seriesInWindow(db, row.key, window.fromMs, window.toMs),
        };
        const result = evaluateDatastream(input, window, params.checks);
        const kept = compared.has(row.key) ? input.series : { times: [], values: [] };
        evaluated.push({ input: { ...input, series: kept }, result });
        // The last step (comparison and storing) is quick; leave a little room for it.
        await context.progress((0.95 * (i + 1)) / catalog.length, `${row.key} evaluated`);
      }
      const { summary, findings } = assembleReport(evaluated, params.checks);
      const stations = [...new Set(catalog.map((row) => row.station))].sort();
      const id = reportIdOf(job.id);
      await upsertReport(db, {
        id,
        jobId: job.id,
        kind: 'evaluation',
        stations,
        ...window,
        summary,
        findings,
      });
      await context.log('info', `report ${id}: ${summary.findings} finding(s)`);
      return {
        reportId: id,
        stations,
        ...window,
        completeness: summary.completeness,
        findings: summary.findings,
      };
    },
  };
}
