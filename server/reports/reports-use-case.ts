import type { ReportListItem, StoredReport } from '../../core/contracts/report';
import { reportCsv } from '../../core/reports/report-csv';
import { reportHtml } from '../../core/reports/report-html';
import type { Queryable } from '../../infra/db/types';
import { getReport, listReports } from '../../infra/reports/report-store';
import { notFound } from '../http/app-error';

// Stored evaluation reports: the list, one report, and the same report as CSV and as a
// printable page. The worker writes them; the server only reads.

export function reportsOf(
  db: Queryable,
  filter: { station?: string; limit: number },
): Promise<ReportListItem[]> {
  return listReports(db, filter);
}

export async function reportById(db: Queryable, id: string): Promise<StoredReport> {
  const report = await getReport(db, id);
  if (!report) throw notFound(`report "${id}"`);
  return report;
}

/** A file name from the report's id: letters, digits, `-` and `_` only (it goes in a header). */
export function fileNameOf(id: string, extension: 'csv' | 'html'): string {
  return `${id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120)}.${extension}`;
}

export async function reportAsCsv(db: Queryable, id: string): Promise<string> {
  return reportCsv(await reportById(db, id));
}

export async function reportAsHtml(db: Queryable, id: string): Promise<string> {
  return reportHtml(await reportById(db, id));
}
