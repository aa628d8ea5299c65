import { z } from 'zod';
import { automationRequestSchema, staffingRequestSchema } from '../../core/contracts/operations';
import { commandOf } from '../../core/operations/instrument-catalogue';
import type { Database } from '../../infra/db/types';
import { findInstrument } from '../../infra/operations/instrument-store';
import { appendOperationsAudit } from '../../infra/operations/operations-audit';
import { listStaffing, setAutomation, setStaffed } from '../../infra/operations/settings-store';
import { requireRole, type ActingUser } from '../bookings/acting-user';
import { AppError, badRequest, notFound } from '../http/app-error';

/**
 * An operator lets a rule's proposals of one command run without approval. Only commands
 * whose class is `automatic` can be automated: the catalogue decides what may skip a person.
 */
export async function changeAutomation(db: Database, body: unknown, user: ActingUser) {
  requireRole(user, 'operator', 'change automation');
  const parsed = automationRequestSchema.safeParse(body ?? {});
  if (!parsed.success)
    throw badRequest(
      `send {"ruleId","instrument","command","enabled"}: ${z.prettifyError(parsed.error)}`,
    );
  const request = parsed.data;
  const instrument = await findInstrument(db, request.instrument);
  if (!instrument) throw notFound(`instrument "${request.instrument}"`);
  const spec = commandOf(instrument.spec, request.command);
  if (!spec) throw badRequest(`${request.instrument} has no command "${request.command}"`);
  if (request.enabled && spec.risk !== 'automatic') {
    throw new AppError(
      409,
      'conflict',
      `${request.command} is in class ${spec.risk}: it always needs an operator's approval`,
    );
  }
  return db.transaction(async (tx) => {
    const row = await setAutomation(tx, { ...request, changedBy: user.name });
    await appendOperationsAudit(tx, {
      action: 'automation_changed',
      actor: user.name,
      role: user.role,
      instrument: request.instrument,
      ruleId: request.ruleId,
      params: { command: request.command, enabled: request.enabled },
      reason: `${request.enabled ? 'enabled' : 'disabled'} automatic ${request.command} for rule ${request.ruleId}`,
    });
    return row;
  });
}

/** An operator marks a station staffed or not (the `staffed` interlock reads it). */
export async function changeStaffed(
  db: Database,
  station: string,
  body: unknown,
  user: ActingUser,
) {
  requireRole(user, 'operator', 'change whether a station is staffed');
  const parsed = staffingRequestSchema.safeParse(body ?? {});
  if (!parsed.success) throw badRequest('send {"staffed": true|false}');
  const known = (await listStaffing(db)).some((s) => s.station === station);
  if (!known) throw notFound(`station "${station}"`);
  return db.transaction(async (tx) => {
    const row = await setStaffed(tx, station, parsed.data.staffed, user.name);
    await appendOperationsAudit(tx, {
      action: 'staffed_changed',
      actor: user.name,
      role: user.role,
      params: { station, staffed: parsed.data.staffed },
      reason: `${station} marked ${parsed.data.staffed ? 'staffed' : 'not staffed'}`,
    });
    return row;
  });
}
