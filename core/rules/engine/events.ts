import type { JobQueue } from '../action-schema';
import type { Rule, Severity } from '../rule-schema';
import { renderTemplate, type TemplatePrimitive, type TemplateValue } from '../template';
import type { AlertMachineState, AlertTransition } from './alert-machine';

// What the engine produces. Ids are derived from the rule and the trigger start (the
// measurement time at which the condition first held), so evaluating the same data again,
// after a restart or in a backtest, yields the same ids, and consumers drop repeats.

export interface AlertEvent {
  /** `<alert id>/<transition>`, or `<rule id>/flapping@<time>` for flap changes. */
  id: string;
  type: AlertTransition;
  ruleId: string;
  /** `<rule id>@<trigger start, ISO 8601>`; for flap changes, the rule's latest alert. */
  alertId: string | null;
  severity: Severity;
  /** Measurement time of the transition. */
  atMs: number;
  startMs: number | null;
  firingMs: number | null;
  /** Each input's newest fresh value at the transition. */
  values: Record<string, number | null>;
  flapping: boolean;
  /** Computed from data that arrived later than the rule's horizon. */
  backfill: boolean;
  /** Whether people should hear of it: not for backfill, pending, cancelled, or while flapping. */
  notify: boolean;
}

export interface JobRequest {
  /** `<alert id>/<action index>-<type>`. */
  id: string;
  queue: JobQueue;
  type: string;
  ruleId: string;
  alertId: string;
  atMs: number;
  params: Record<string, TemplateValue>;
  backfill: boolean;
  /** Copied from the event: a notification job with notify false is recorded, not sent. */
  notify: boolean;
}

/** What one call of the engine produced; read-only (an empty one is shared). */
export interface EngineOutput {
  readonly events: readonly AlertEvent[];
  readonly jobs: readonly JobRequest[];
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function alertIdOf(ruleId: string, startMs: number): string {
  return `${ruleId}@${isoTime(startMs)}`;
}

/** The jobs of the rule's actions for a firing or resolved event. */
export function jobsFor(rule: Rule, event: AlertEvent): JobRequest[] {
  const { alertId, startMs } = event;
  if (alertId === null || startMs === null) return [];
  if (!rule.actions.some((action) => action.on === event.type)) return [];
  const fields: Record<string, TemplatePrimitive> = {
    'trigger.start': isoTime(startMs),
    'trigger.startMs': startMs,
    'trigger.firing': event.firingMs === null ? null : isoTime(event.firingMs),
    'trigger.firingMs': event.firingMs,
    'trigger.time': isoTime(event.atMs),
    'trigger.end': event.type === 'resolved' ? isoTime(event.atMs) : null,
    'alert.id': alertId,
    'rule.id': rule.id,
    'rule.name': rule.name,
    severity: rule.severity,
    backfill: event.backfill,
  };
  for (const [input, datastream] of Object.entries(rule.scope)) {
    fields[`values.${input}`] = event.values[input] ?? null;
    fields[`scope.${input}`] = datastream;
  }
  return rule.actions.flatMap((action, index) => {
    if (action.on !== event.type) return [];
    const params = renderTemplate(action.params, fields) as Record<string, TemplateValue>;
    const { backfill, notify, atMs, ruleId } = event;
    const id = `${alertId}/${index}-${action.type}`;
    return [
      {
        id,
        queue: action.queue,
        type: action.type,
        ruleId,
        alertId,
        atMs,
        params,
        backfill,
        notify,
      },
    ];
  });
}

/** The event of a machine transition at `atMs`, with the inputs' values at that instant. */
export function buildEvent(
  rule: Rule,
  alert: Readonly<AlertMachineState>,
  type: AlertTransition,
  atMs: number,
  values: Record<string, number | null>,
  backfill: boolean,
): AlertEvent {
  const alertId = alert.startMs === null ? null : alertIdOf(rule.id, alert.startMs);
  const ofAlert = type !== 'flapping' && type !== 'stable';
  // Flap changes are news about the rule; fire and resolve are told unless flapping.
  const told = type === 'firing' || type === 'resolved' ? !alert.flapping : !ofAlert;
  return {
    id: ofAlert ? `${alertId}/${type}` : `${rule.id}/${type}@${isoTime(atMs)}`,
    type,
    ruleId: rule.id,
    alertId,
    severity: rule.severity,
    atMs,
    startMs: alert.startMs,
    firingMs: alert.firingMs,
    values,
    flapping: alert.flapping,
    backfill,
    notify: told && !backfill,
  };
}
