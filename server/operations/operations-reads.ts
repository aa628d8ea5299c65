import { z } from 'zod';
import {
  auditQuerySchema,
  commandsQuerySchema,
  type AuditEntry,
  type CommandDetail,
  type InstrumentView,
} from '../../core/contracts/operations';
import { splitDatastreamKey } from '../../core/domain/station';
import type { Queryable } from '../../infra/db/types';
import { findCommand, listCommands } from '../../infra/operations/command-reads';
import {
  findInstrument,
  listInstruments,
  type StoredInstrument,
} from '../../infra/operations/instrument-store';
import { listOperationsAudit } from '../../infra/operations/operations-audit';
import { badRequest, notFound } from '../http/app-error';
import { publicCommand } from './command-requests';
import { lastAnswerOf, latestValuesOf } from './instrument-live-repository';

/** Observations older than this many sampling intervals mean the instrument went quiet. */
const QUIET_INTERVALS = 3;

async function viewOf(
  db: Queryable,
  instrument: StoredInstrument,
  nowMs: number,
): Promise<InstrumentView> {
  const { spec } = instrument;
  const { station, instrument: local } = splitDatastreamKey(`${spec.id}.x`);
  const latest = await latestValuesOf(db, station, local);
  const modeCode = latest.find((v) => v.variable === 'mode')?.value;
  const exposure = latest.find((v) => v.variable === 'exposure_seconds')?.value;
  const newest = Math.max(...latest.map((v) => v.timeMs ?? -Infinity));
  // The instrument reports at its exposure interval (else its datastreams' cadence).
  const intervalS = exposure ?? Math.max(...latest.map((v) => v.cadenceSeconds ?? 60), 60);
  const connection = !Number.isFinite(newest)
    ? 'unknown'
    : nowMs - newest <= QUIET_INTERVALS * intervalS * 1000 + 5_000
      ? 'connected'
      : 'disconnected';
  return {
    ...spec,
    staffed: instrument.staffed,
    live: {
      mode:
        modeCode === null || modeCode === undefined
          ? null
          : (spec.modes[modeCode] ?? String(modeCode)),
      values: latest.map((v) => ({
        datastream: v.datastream,
        variable: v.variable,
        unit: v.unit,
        value: v.value,
        time: v.timeMs === null ? null : new Date(v.timeMs).toISOString(),
      })),
      connection,
      lastAckAt: await lastAnswerOf(db, spec.id),
    },
  };
}

export async function instrumentViews(
  db: Queryable,
  nowMs = Date.now(),
): Promise<InstrumentView[]> {
  return Promise.all((await listInstruments(db)).map((i) => viewOf(db, i, nowMs)));
}

export async function instrumentView(
  db: Queryable,
  id: string,
  nowMs = Date.now(),
): Promise<InstrumentView> {
  const instrument = await findInstrument(db, id);
  if (!instrument) throw notFound(`instrument "${id}"`);
  return viewOf(db, instrument, nowMs);
}

export async function commandList(db: Queryable, query: unknown) {
  const parsed = commandsQuerySchema.safeParse(query);
  if (!parsed.success) throw badRequest(`query: ${z.prettifyError(parsed.error)}`);
  return { commands: (await listCommands(db, parsed.data)).map(publicCommand) };
}

export async function commandDetail(db: Queryable, id: string): Promise<CommandDetail> {
  const command = await findCommand(db, id);
  if (!command) throw notFound(`command "${id}"`);
  const audit = await listOperationsAudit(db, { command: id, limit: 10_000 });
  return { command: publicCommand(command), audit };
}

export async function auditEntries(db: Queryable, query: unknown): Promise<AuditEntry[]> {
  const parsed = auditQuerySchema.safeParse(query);
  if (!parsed.success) throw badRequest(`query: ${z.prettifyError(parsed.error)}`);
  const { from, to, ...filter } = parsed.data;
  return listOperationsAudit(db, {
    ...filter,
    fromMs: from === undefined ? undefined : Date.parse(from),
    toMs: to === undefined ? undefined : Date.parse(to),
  });
}
