import { routePath, routes } from '../../../../core/contracts/http';
import type { Delivery, NotifyJobDeliveries } from '../../../../core/contracts/notify';
import { getJson } from '../../api/client';

export type { Delivery, NotifyJobDeliveries };
export type AlertDetail = Awaited<ReturnType<typeof fetchAlertDetail>>;

export function fetchAlertDetail(id: string, signal?: AbortSignal) {
  return getJson(routePath('alert', { id }), routes.alert.response, signal);
}

export async function fetchAlertDeliveries(
  id: string,
  signal?: AbortSignal,
): Promise<NotifyJobDeliveries[]> {
  const path = routePath('alertDeliveries', { id });
  return (await getJson(path, routes.alertDeliveries.response, signal)).jobs;
}

export async function fetchJobDeliveries(id: string, signal?: AbortSignal): Promise<Delivery[]> {
  const path = routePath('jobDeliveries', { id });
  return (await getJson(path, routes.jobDeliveries.response, signal)).deliveries;
}
