import { routePath, routes } from '../../../../core/contracts/http';
import type { EvaluationCheck } from '../../../../core/contracts/evaluation';
import type { ReportListItem, StoredReport } from '../../../../core/contracts/report';
import { getJson, sendJson } from '../../api/client';
import type { JobDetail } from '../../api/controlRoom';
import { fetchJob } from '../../api/controlRoom';

export async function fetchReports(station: string): Promise<ReportListItem[]> {
  const query = station === '' ? '' : `?station=${encodeURIComponent(station)}`;
  return (await getJson(`${routePath('reports')}${query}`, routes.reports.response)).reports;
}

export function fetchReport(id: string): Promise<StoredReport> {
  return getJson(routePath('report', { id }), routes.report.response);
}

export const reportCsvUrl = (id: string) => routePath('reportCsv', { id });
export const reportHtmlUrl = (id: string) => routePath('reportHtml', { id });

export interface EvaluationRequest {
  stations: string[];
  /** Epoch ms, [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  checks?: EvaluationCheck[];
}

/** Starts an evaluation by hand: an `evaluation` job on jobs.sod. */
export async function submitEvaluation(params: EvaluationRequest): Promise<string> {
  const body = { queue: 'jobs.sod', type: 'evaluation', params };
  const submitted = await sendJson('POST', routePath('submitJob'), body, routes.submitJob.response);
  return submitted.id;
}

export function fetchEvaluationJob(id: string): Promise<JobDetail> {
  return fetchJob(id);
}
