import type { Command } from '../../../../core/contracts/operations';
import type { Alert, Job } from '../../api/controlRoom';
import { fetchAlerts, fetchJobs } from '../../api/controlRoom';
import { fetchCommands } from '../../features/operations/operationsApi';

/** Something the control room did, marked on the panel's time axis. */
export interface ChartEvent {
  kind: 'alert' | 'job' | 'command';
  id: string;
  /** Where on the time axis: measurement time for what rules raised, else when it happened. */
  atMs: number;
  /** What a hover shows. */
  label: string;
  /** The page that has it. */
  href: string;
}

export function alertEvent(alert: Alert): ChartEvent {
  return {
    kind: 'alert',
    id: alert.id,
    atMs: alert.startMs,
    label: `alert ${alert.severity} · ${alert.ruleId} · ${alert.status}`,
    href: `#/alerts/${encodeURIComponent(alert.id)}`,
  };
}

/** A rule's job sits at the measurement that triggered it, one queued by hand when it was. */
export function jobEvent(job: Job): ChartEvent | null {
  const atMs = job.origin.trigger?.atMs ?? job.createdMs;
  if (atMs === undefined) return null;
  return {
    kind: 'job',
    id: job.id,
    atMs,
    label: `job ${job.type} · ${job.state}`,
    href: `#/jobs/${encodeURIComponent(job.id)}`,
  };
}

export function commandEvent(command: Command): ChartEvent | null {
  const atMs = Date.parse(command.createdAt);
  if (!Number.isFinite(atMs)) return null;
  return {
    kind: 'command',
    id: command.id,
    atMs,
    label: `command ${command.command} → ${command.instrument} · ${command.state}`,
    href: '#/operations',
  };
}

/**
 * Alerts, jobs and commands from their REST lists, in time order. One list failing (a
 * viewer without access, a server too old to have it) leaves the others on the panel.
 */
export async function loadChartEvents(signal?: AbortSignal): Promise<ChartEvent[]> {
  const [alerts, jobs, commands] = await Promise.allSettled([
    fetchAlerts({ openOnly: false, rule: '' }),
    fetchJobs(),
    fetchCommands(signal),
  ]);
  const events = [
    ...(alerts.status === 'fulfilled' ? alerts.value.map(alertEvent) : []),
    ...(jobs.status === 'fulfilled' ? jobs.value.map(jobEvent) : []),
    ...(commands.status === 'fulfilled' ? commands.value.map(commandEvent) : []),
  ];
  return events.filter((e): e is ChartEvent => e !== null).sort((a, b) => a.atMs - b.atMs);
}
