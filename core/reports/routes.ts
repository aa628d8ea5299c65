import { reportListSchema, reportsQuerySchema, storedReportSchema } from '../contracts/report';

/**
 * Stored evaluation reports in the route table: reading them is for everyone; starting an
 * evaluation is `POST /api/v1/jobs` with type `evaluation` (its own role applies there).
 */
export const reportRoutes = {
  reports: {
    method: 'GET',
    path: '/api/v1/reports',
    role: 'viewer',
    query: reportsQuerySchema,
    response: reportListSchema,
  },
  report: {
    method: 'GET',
    path: '/api/v1/reports/:id',
    role: 'viewer',
    response: storedReportSchema,
  },
  /** text/csv: one row per datastream's statistics, per finding and per comparison. */
  reportCsv: { method: 'GET', path: '/api/v1/reports/:id/csv', role: 'viewer' },
  /** text/html: the printable report, self-contained. */
  reportHtml: { method: 'GET', path: '/api/v1/reports/:id/html', role: 'viewer' },
} as const;
