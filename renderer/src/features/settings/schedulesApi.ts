import { routePath, routes } from '../../../../core/contracts/http';
import type { ScheduleInput, StoredSchedule } from '../../../../core/schedules/schedule';
import { getJson, sendJson } from '../../api/client';

export type { ScheduleInput, StoredSchedule };

export async function fetchSchedules(signal?: AbortSignal): Promise<StoredSchedule[]> {
  return (await getJson(routePath('schedules'), routes.schedules.response, signal)).schedules;
}
export function createSchedule(input: ScheduleInput): Promise<StoredSchedule> {
  return sendJson('POST', routePath('createSchedule'), input, routes.createSchedule.response);
}
export function updateSchedule(id: string, input: ScheduleInput): Promise<StoredSchedule> {
  const path = routePath('updateSchedule', { id });
  return sendJson('PUT', path, input, routes.updateSchedule.response);
}
export function setScheduleEnabled(id: string, enabled: boolean): Promise<StoredSchedule> {
  const path = routePath('setScheduleEnabled', { id });
  return sendJson('POST', path, { enabled }, routes.setScheduleEnabled.response);
}
export async function deleteSchedule(id: string): Promise<void> {
  await sendJson('DELETE', routePath('deleteSchedule', { id }), undefined, null);
}
export function runScheduleNow(id: string): Promise<{ id: string; state: string }> {
  return sendJson('POST', routePath('runSchedule', { id }), undefined, routes.runSchedule.response);
}
