import type {
  Finding,
  ReportListItem,
  ReportSummary,
  StoredReport,
} from '../../core/contracts/report';
import type { Queryable } from '../db/types';

export interface NewReport {
  id: string;
  jobId: string;
  kind: string;
  stations: string[];
  fromMs: number;
  toMs: number;
  summary: ReportSummary;
  findings: Finding[];
}

/**
 * Stores a report under its id; the same id again (a redelivered job) replaces it, so a
 * job's report exists once whatever happens to the job.
 */
export async function upsertReport(db: Queryable, report: NewReport): Promise<void> {
  await db.query(
    `INSERT INTO reports (id, job_id, kind, stations, from_ms, to_ms, summary, findings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, stations = excluded.stations,
       from_ms = excluded.from_ms, to_ms = excluded.to_ms, summary = excluded.summary,
       findings = excluded.findings`,
    [
      report.id,
      report.jobId,
      report.kind,
      JSON.stringify(report.stations),
      report.fromMs,
      report.toMs,
      JSON.stringify(report.summary),
      JSON.stringify(report.findings),
    ],
  );
}

interface ReportRow {
  id: string;
  job_id: string;
  kind: string;
  stations: string[];
  from_ms: number;
  to_ms: number;
  created_at: Date | string;
  completeness: number | null;
  finding_count: number;
}

const listColumns = `id, job_id, kind, stations, from_ms, to_ms, created_at,
  (summary->>'completeness')::float8 AS completeness, (summary->>'findings')::int AS finding_count`;

function itemOf(row: ReportRow): ReportListItem {
  return {
    id: row.id,
    jobId: row.job_id,
    kind: row.kind,
    stations: row.stations,
    fromMs: Number(row.from_ms),
    toMs: Number(row.to_ms),
    createdAt: new Date(row.created_at).toISOString(),
    completeness: row.completeness === null ? null : Number(row.completeness),
    findingCount: Number(row.finding_count),
  };
}

/** Newest first; only those that cover `station` when one is given. */
export async function listReports(
  db: Queryable,
  filter: { station?: string; limit: number },
): Promise<ReportListItem[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${listColumns} FROM reports
     WHERE $1::text IS NULL OR stations ? $1::text
     ORDER BY created_at DESC, id LIMIT $2`,
    [filter.station ?? null, filter.limit],
  );
  return rows.map(itemOf);
}

export async function getReport(db: Queryable, id: string): Promise<StoredReport | undefined> {
  const { rows } = await db.query<ReportRow & { summary: ReportSummary; findings: Finding[] }>(
    `SELECT ${listColumns}, summary, findings FROM reports WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row && { ...itemOf(row), summary: row.summary, findings: row.findings };
}
