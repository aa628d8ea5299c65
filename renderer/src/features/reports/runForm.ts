import type { EvaluationRequest } from './reportsApi';

const DAY_MS = 86_400_000;

export interface RunFormValues {
  stations: string[];
  /** First and last day, YYYY-MM-DD, both included, in UTC. */
  firstDay: string;
  lastDay: string;
}

/**
 * The form's values as the job's parameters, or what is wrong with them, in words. Days
 * are whole UTC days; the last one is included, so one day is firstDay = lastDay.
 */
export function evaluationRequestOf(
  form: RunFormValues,
): { ok: true; request: EvaluationRequest } | { ok: false; error: string } {
  if (form.stations.length === 0) return { ok: false, error: 'Choose at least one station.' };
  const fromMs = Date.parse(`${form.firstDay}T00:00:00Z`);
  const lastMs = Date.parse(`${form.lastDay}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.firstDay) || Number.isNaN(fromMs))
    return { ok: false, error: 'The first day is not a date.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.lastDay) || Number.isNaN(lastMs))
    return { ok: false, error: 'The last day is not a date.' };
  if (lastMs < fromMs) return { ok: false, error: 'The last day is before the first.' };
  if (lastMs - fromMs >= 400 * DAY_MS) return { ok: false, error: 'At most 400 days at once.' };
  return { ok: true, request: { stations: form.stations, fromMs, toMs: lastMs + DAY_MS } };
}

/** Yesterday in UTC: the latest day that is complete. */
export function yesterdayUtc(nowMs: number): string {
  return new Date(nowMs - DAY_MS).toISOString().slice(0, 10);
}
