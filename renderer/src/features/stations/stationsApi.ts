import { routePath, routes } from '../../../../core/contracts/http';
import type { StationsStatusResponse } from '../../../../core/contracts/stations';
import { getJson } from '../../api/client';

export function fetchStationsStatus(signal?: AbortSignal): Promise<StationsStatusResponse> {
  return getJson(routePath('stationsStatus'), routes.stationsStatus.response, signal);
}
