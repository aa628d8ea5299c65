import { Router } from 'express';
import { z } from 'zod';
import { routes } from '../../core/contracts/http';
import type { Database } from '../../infra/db/types';
import {
  fileNameOf,
  reportAsCsv,
  reportAsHtml,
  reportById,
  reportsOf,
} from '../reports/reports-use-case';
import { badRequest } from './app-error';

// The printable page shows only what it carries: inline styles, no scripts, no fetches.
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Stored evaluation reports: list (newest first, by station), one, as CSV, as printable HTML. */
export function reportsRouter(deps: { db: Database }): Router {
  const router = Router();
  router.get(routes.reports.path, async (req, res) => {
    const query = routes.reports.query.safeParse(req.query);
    if (!query.success) {
      throw badRequest(`station is a station id, limit 1 to 500: ${z.prettifyError(query.error)}`);
    }
    res.json({ reports: await reportsOf(deps.db, query.data) });
  });
  router.get(routes.report.path, async (req, res) => {
    res.json(await reportById(deps.db, String(req.params.id)));
  });
  router.get(routes.reportCsv.path, async (req, res) => {
    const id = String(req.params.id);
    const csv = await reportAsCsv(deps.db, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileNameOf(id, 'csv')}"`);
    res.send(csv);
  });
  router.get(routes.reportHtml.path, async (req, res) => {
    const html = await reportAsHtml(deps.db, String(req.params.id));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', HTML_POLICY);
    res.send(html);
  });
  return router;
}
