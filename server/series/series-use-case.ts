import type { SeriesResponse } from '../../core/contracts/http';
import { parseIsoTime } from '../../core/ingest/iso-time';
import { decimateMinMax, gapThresholdMs } from '../../core/series/decimate';
import type { Queryable } from '../../infra/db/types';
import { getDatastream } from '../catalog/catalog-repository';
import { badRequest, notFound } from '../http/app-error';
import { readSeries } from './series-repository';

/** Without maxPoints a response still never carries more than this many points. */
const DEFAULT_MAX_POINTS = 100_000;

export interface SeriesRequest {
  key: string;
  from?: string;
  to?: string;
  maxPoints?: number;
}

/** One datastream over a time range, decimated (M4, gaps kept) when it has more points than asked. */
export async function getSeries(db: Queryable, request: SeriesRequest): Promise<SeriesResponse> {
  const datastream = await getDatastream(db, request.key);
  if (!datastream) throw notFound(`datastream "${request.key}"`);
  const fromMs = request.from === undefined ? null : parseBound('from', request.from);
  const toMs = request.to === undefined ? null : parseBound('to', request.to);
  if (fromMs !== null && toMs !== null && fromMs > toMs)
    throw badRequest('from must not be after to');
  const raw = await readSeries(db, datastream.id, fromMs, toMs);
  const maxPoints = request.maxPoints ?? DEFAULT_MAX_POINTS;
  const series = decimateMinMax(
    raw.t,
    raw.v,
    maxPoints,
    gapThresholdMs(datastream.cadenceSeconds, raw.t),
  );
  return {
    datastream: datastream.key,
    unit: datastream.unit,
    cadenceSeconds: datastream.cadenceSeconds,
    from: fromMs === null ? null : new Date(fromMs).toISOString(),
    to: toMs === null ? null : new Date(toMs).toISOString(),
    count: raw.t.length,
    decimated: series.t.length < raw.t.length || raw.t.length > maxPoints,
    t: series.t,
    v: series.v,
  };
}

function parseBound(name: string, text: string): number {
  const parsed = parseIsoTime(text);
  if (typeof parsed === 'string') throw badRequest(`${name}: ${parsed}`);
  return parsed;
}
