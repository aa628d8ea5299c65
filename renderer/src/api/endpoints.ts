import { routePath, routes } from '../../../core/contracts/http';
import type {
  DatastreamSummary,
  HealthResponse,
  SeriesResponse,
} from '../../../core/contracts/http';
import type { Station } from '../../../core/domain/station';
import { getJson } from './client';

export async function fetchStations(signal?: AbortSignal): Promise<Station[]> {
  const body = await getJson(routePath('stations'), routes.stations.response, signal);
  return body.stations;
}

export async function fetchDatastreams(signal?: AbortSignal): Promise<DatastreamSummary[]> {
  const body = await getJson(routePath('datastreams'), routes.datastreams.response, signal);
  return body.datastreams;
}

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson(routePath('health'), routes.health.response, signal, { bodyOnError: true });
}

export interface SeriesRequest {
  key: string;
  /** Epoch ms; null = open-ended (the whole stored range on that side). */
  from: number | null;
  to: number | null;
  /** The plot width in px: more points than pixels would be drawn on top of each other. */
  maxPoints: number;
}

export function seriesUrl({ key, from, to, maxPoints }: SeriesRequest): string {
  const query = new URLSearchParams();
  if (from !== null) query.set('from', new Date(from).toISOString());
  if (to !== null) query.set('to', new Date(to).toISOString());
  // The contract bounds maxPoints to [5, 100000].
  query.set('maxPoints', String(Math.min(100_000, Math.max(5, Math.round(maxPoints)))));
  return `${routePath('series', { key })}?${query.toString()}`;
}

export function fetchSeries(request: SeriesRequest, signal?: AbortSignal): Promise<SeriesResponse> {
  return getJson(seriesUrl(request), routes.series.response, signal);
}
