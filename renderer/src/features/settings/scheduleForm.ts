import { STATION_TIME_ZONE, WEEKDAYS, type Weekday } from '../../../../core/schedules/recurrence';
import type { ScheduleInput, StoredSchedule } from './schedulesApi';

// A schedule as its form edits it: flat fields, the job's parameters as JSON text. The
// server checks everything again and says what is wrong; the form only catches bad JSON.

export interface ScheduleForm {
  name: string;
  enabled: boolean;
  kind: 'daily' | 'weekly';
  days: Weekday[];
  at: string;
  timeZone: string;
  queue: 'jobs.cod' | 'jobs.sod' | 'jobs.ood';
  type: string;
  paramsText: string;
}

/** A new schedule: the daily report at 06:00 station time for the day that just ended. */
export function newScheduleForm(station = 'sattelberg'): ScheduleForm {
  return {
    name: `Daily report ${station}`,
    enabled: true,
    kind: 'daily',
    days: ['mon'],
    at: '06:00',
    timeZone: STATION_TIME_ZONE,
    queue: 'jobs.sod',
    type: 'daily-report',
    paramsText: JSON.stringify({ station, day: '{{previousDay}}' }, null, 2),
  };
}

export function formOfSchedule(schedule: StoredSchedule): ScheduleForm {
  const r = schedule.recurrence;
  return {
    name: schedule.name,
    enabled: schedule.enabled,
    kind: r.kind,
    days: r.kind === 'weekly' ? r.days : ['mon'],
    at: r.at,
    timeZone: r.timeZone,
    queue: schedule.job.queue,
    type: schedule.job.type,
    paramsText: JSON.stringify(schedule.job.params, null, 2),
  };
}

/** The input to send, or the reason the form cannot be sent yet. */
export function inputOfForm(form: ScheduleForm): { input: ScheduleInput } | { error: string } {
  let params: unknown;
  try {
    params = JSON.parse(form.paramsText === '' ? '{}' : form.paramsText);
  } catch (error) {
    return { error: `parameters: not JSON (${(error as Error).message})` };
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { error: 'parameters: a JSON object, e.g. {"station": "sattelberg"}' };
  }
  const at = form.at.slice(0, 5);
  const timeZone = form.timeZone.trim();
  const recurrence =
    form.kind === 'daily'
      ? { kind: 'daily' as const, at, timeZone }
      : {
          kind: 'weekly' as const,
          days: WEEKDAYS.filter((d) => form.days.includes(d)),
          at,
          timeZone,
        };
  return {
    input: {
      name: form.name,
      enabled: form.enabled,
      recurrence,
      job: { queue: form.queue, type: form.type.trim(), params: params as Record<string, unknown> },
    },
  };
}

/** "2026-11-26 06:00 (Europe/Vienna)": a time on the schedule's own clock. */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (iso === null) return '—';
  try {
    const text = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
    return `${text} (${timeZone})`;
  } catch {
    return iso;
  }
}
