import { z } from 'zod';
import {
  quarantineFixSchema,
  quarantineQuerySchema,
  type QuarantineList,
  type QuarantineRow,
} from '../../core/contracts/uploads';
import { isRowObject } from '../../core/ingest/validate-row';
import { appendAudit } from '../../infra/audit/audit-log';
import { AppError, badRequest, notFound } from '../http/app-error';
import { ingestObservations, type IngestDeps } from '../ingest/ingest-use-case';
import { findQuarantined, listOpen, resolveQuarantined } from './quarantine-repository';

// Quarantine review: rows refused at ingest wait here until a scientist fixes them (the
// edited row goes through the ingest use case like any other) or discards them. Both are
// in the audit log with who and what; a row is closed only once its fix is accepted.

const conflict = (message: string) => new AppError(409, 'conflict', message);

function parsed<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(`${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

// PostgreSQL text cannot hold NUL: refused here, rather than failing in the database.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const hasNul = (text: string) => /\u0000/.test(text);
// Nor can jsonb (the audit detail) hold half a surrogate pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export async function listQuarantine(deps: IngestDeps, query: unknown): Promise<QuarantineList> {
  const q = parsed(quarantineQuerySchema, query, 'quarantine query');
  if (q.error !== undefined && hasNul(q.error)) throw badRequest('error filter holds NUL');
  const error = q.error === undefined || q.error.trim() === '' ? null : q.error.trim();
  const { rows, total } = await listOpen(deps.db, {
    error,
    before: q.before ?? null,
    limit: q.limit,
  });
  const last = rows.at(-1);
  return { rows, total, nextBefore: rows.length === q.limit && last ? last.id : null };
}

function quarantineId(text: string): number {
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw notFound(`quarantine row "${text.slice(0, 40)}"`);
  }
  return Number(text);
}

async function openRow(deps: IngestDeps, id: number): Promise<QuarantineRow> {
  const row = await findQuarantined(deps.db, id);
  if (!row) throw notFound(`quarantine row ${id}`);
  if (row.resolvedAtMs !== null)
    throw conflict(`quarantine row ${id} is already ${row.resolution}`);
  return row;
}

/** The edited text as one ingest row: a JSON object {datastream, time, value[, quality]}. */
function fixedRow(raw: string) {
  if (hasNul(raw) || LONE_SURROGATE.test(raw)) {
    throw badRequest('the fix holds NUL or half a surrogate pair');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw badRequest(`the fix is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRowObject(value)) {
    throw badRequest('the fix must be one JSON object {"datastream","time","value"[,"quality"]}');
  }
  return { index: 0, ok: true as const, raw: value };
}

export async function fixQuarantined(
  deps: IngestDeps,
  idText: string,
  body: unknown,
  actor: string,
) {
  const id = quarantineId(idText);
  const { raw } = parsed(quarantineFixSchema, body, 'fix');
  const row = fixedRow(raw);
  await openRow(deps, id);
  const answer = await ingestObservations(deps, {
    rows: [row],
    station: undefined,
    tokenId: null,
    source: `quarantine-fix:${id}`,
    quarantine: false,
  });
  const refused = answer.rejected[0];
  if (refused) throw new AppError(422, 'fix_refused', `the fix is refused: ${refused.error}`);
  // Stored (or already stored) first, then closed: a crash between the two leaves the row
  // open, and fixing it again stores nothing twice.
  const resolved = await deps.db.transaction(async (tx) => {
    const closed = await resolveQuarantined(tx, id, 'fixed');
    if (closed) {
      await appendAudit(tx, {
        actor,
        action: 'quarantine.fix',
        subject: `quarantine:${id}`,
        detail: { raw, accepted: answer.accepted, duplicates: answer.duplicates },
      });
    }
    return closed;
  });
  if (!resolved) throw conflict(`quarantine row ${id} was closed by someone else meanwhile`);
  return { row: resolved, accepted: answer.accepted, duplicates: answer.duplicates };
}

export async function discardQuarantined(
  deps: IngestDeps,
  idText: string,
  actor: string,
): Promise<QuarantineRow> {
  const id = quarantineId(idText);
  const discarded = await deps.db.transaction(async (tx) => {
    const closed = await resolveQuarantined(tx, id, 'discarded');
    if (closed) {
      await appendAudit(tx, {
        actor,
        action: 'quarantine.discard',
        subject: `quarantine:${id}`,
        detail: { error: closed.error, raw: closed.raw },
      });
    }
    return closed;
  });
  if (discarded) return discarded;
  await openRow(deps, id); // throws 404 or 409, whichever applies
  throw conflict(`quarantine row ${id} could not be discarded`);
}
