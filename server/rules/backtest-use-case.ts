import { z } from 'zod';
import type { BacktestResponse } from '../../core/contracts/http';
import type { Observation } from '../../core/domain/observation';
import { parseIsoTime } from '../../core/ingest/iso-time';
import { backtest, ruleSchema, warmUpMs } from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import { getDatastream } from '../catalog/catalog-repository';
import { badRequest } from '../http/app-error';
import { readSeries } from '../series/series-repository';
import { refuseUnsafeRule } from './rule-guard';

/** A backtest never spans more than this: a year of 10-minute data of a few inputs stays fast. */
const MAX_RANGE_MS = 400 * 24 * 3_600_000;

/**
 * Runs a rule (saved or being edited) over stored data with the analyzer's own engine, so
 * the answer is exactly what the live analyzer would have raised over that range.
 */
export async function runBacktest(
  db: Queryable,
  request: { rule: unknown; from: string; to: string },
): Promise<BacktestResponse> {
  refuseUnsafeRule(request.rule);
  const parsed = ruleSchema.safeParse(request.rule);
  if (!parsed.success) throw badRequest(`rule: ${z.prettifyError(parsed.error)}`);
  const rule = parsed.data;
  const fromMs = parseIsoTime(request.from);
  const toMs = parseIsoTime(request.to);
  if (typeof fromMs === 'string') throw badRequest(`from: ${fromMs}`);
  if (typeof toMs === 'string') throw badRequest(`to: ${toMs}`);
  if (toMs <= fromMs) throw badRequest('to must be after from');
  if (toMs - fromMs > MAX_RANGE_MS) throw badRequest('a backtest covers at most 400 days');
  const started = performance.now();
  const byInput: Record<string, Observation[]> = {};
  let observations = 0;
  for (const [input, key] of Object.entries(rule.scope)) {
    const datastream = await getDatastream(db, key);
    if (!datastream) throw badRequest(`rule: input ${input} reads unknown datastream "${key}"`);
    const series = await readSeries(db, datastream.id, fromMs - warmUpMs(rule), toMs);
    byInput[input] = series.t.map((timeMs, i) => ({
      datastream: key,
      timeMs,
      value: series.v[i] as number,
      quality: null,
    }));
    observations += series.t.length;
  }
  const result = backtest(rule, byInput, { fromMs, toMs });
  return {
    alerts: result.alerts as unknown as Record<string, unknown>[],
    jobs: result.jobs as unknown as Record<string, unknown>[],
    events: result.events.length,
    observations,
    elapsedMs: Math.round(performance.now() - started),
  };
}
