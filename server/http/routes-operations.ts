import express, { Router, type Request } from 'express';
import { operationsRoutes as r } from '../../core/contracts/operations';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { listAutomations, listStaffing } from '../../infra/operations/settings-store';
import type { ActingUser } from '../bookings/acting-user';
import { auditCsv } from '../operations/audit-csv';
import { approveCommand, cancelCommand, rejectCommand } from '../operations/command-decisions';
import { requestCommand } from '../operations/command-requests';
import {
  auditEntries,
  commandDetail,
  commandList,
  instrumentView,
  instrumentViews,
} from '../operations/operations-reads';
import { changeAutomation, changeStaffed } from '../operations/operations-settings';
import { identityOf } from './actor';

export interface OperationsRouteDeps {
  db: Database;
  /** Approved commands are queued on jobs.ood; without a bus approving answers 503. */
  bus?: Bus;
}

/** The authorization middleware identified the caller; the use cases check finer rules with it. */
function actingUser(req: Request): ActingUser {
  const identity = identityOf(req);
  if (!identity) throw new Error(`no identity for ${req.method} ${req.path}: route not authorized`);
  return { name: identity.name, role: identity.role };
}

/** Operating on Demand: instruments, commands with approvals, switches, the audit trail. */
export function operationsRouter(deps: OperationsRouteDeps): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });
  const { db } = deps;
  const id = (req: Request) => String(req.params.id);
  router.get(r.operationsInstruments.path, async (_req, res) => {
    res.json({ instruments: await instrumentViews(db) });
  });
  router.get(r.operationsInstrument.path, async (req, res) => {
    res.json(await instrumentView(db, id(req)));
  });
  router.get(r.operationsCommands.path, async (req, res) => {
    res.json(await commandList(db, req.query));
  });
  router.post(r.requestCommand.path, json, async (req, res) => {
    res.status(201).json(await requestCommand(db, req.body, actingUser(req)));
  });
  router.get(r.operationsCommand.path, async (req, res) => {
    res.json(await commandDetail(db, id(req)));
  });
  router.post(r.approveCommand.path, json, async (req, res) => {
    res.json(await approveCommand(db, deps.bus, id(req), req.body, actingUser(req)));
  });
  router.post(r.rejectCommand.path, json, async (req, res) => {
    res.json(await rejectCommand(db, id(req), req.body, actingUser(req)));
  });
  router.post(r.cancelCommand.path, json, async (req, res) => {
    res.json(await cancelCommand(db, id(req), req.body, actingUser(req)));
  });
  router.get(r.automations.path, async (_req, res) => {
    res.json({ automations: await listAutomations(db) });
  });
  router.put(r.setAutomation.path, json, async (req, res) => {
    res.json(await changeAutomation(db, req.body, actingUser(req)));
  });
  router.get(r.staffing.path, async (_req, res) => {
    res.json({ stations: await listStaffing(db) });
  });
  router.put(r.setStaffed.path, json, async (req, res) => {
    res.json(await changeStaffed(db, id(req), req.body, actingUser(req)));
  });
  router.get(r.operationsAudit.path, async (req, res) => {
    res.json({ entries: await auditEntries(db, req.query) });
  });
  router.get(r.operationsAuditCsv.path, async (req, res) => {
    const csv = auditCsv(await auditEntries(db, req.query));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="operations-audit.csv"');
    res.send(csv);
  });
  return router;
}
