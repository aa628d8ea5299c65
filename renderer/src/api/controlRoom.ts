import { z } from 'zod';
import { routePath, routes } from '../../../core/contracts/http';
import type { NotificationPreferences } from '../../../core/contracts/preferences';
import { getJson, sendJson } from './client';

// Rules, alerts, jobs and preferences: the control room's pages other than Live.

export type StoredRule = z.infer<typeof routes.rule.response>;
export type RuleVersion = z.infer<typeof routes.ruleVersions.response>['versions'][number];
export type Alert = z.infer<typeof routes.alerts.response>['alerts'][number];
export type Backtest = z.infer<typeof routes.backtest.response>;

export async function fetchRules(): Promise<StoredRule[]> {
  return (await getJson(routePath('rules'), routes.rules.response)).rules;
}
export async function fetchRuleVersions(id: string): Promise<RuleVersion[]> {
  return (await getJson(routePath('ruleVersions', { id }), routes.ruleVersions.response)).versions;
}
export function createRule(document: unknown): Promise<StoredRule> {
  return sendJson('POST', routePath('createRule'), document, routes.createRule.response);
}
export function updateRule(id: string, document: unknown): Promise<StoredRule> {
  return sendJson('PUT', routePath('updateRule', { id }), document, routes.updateRule.response);
}
export async function deleteRule(id: string): Promise<void> {
  await sendJson('DELETE', routePath('deleteRule', { id }), undefined, null);
}
export function backtestRule(rule: unknown, from: string, to: string): Promise<Backtest> {
  return sendJson('POST', routePath('backtest'), { rule, from, to }, routes.backtest.response);
}

export interface AlertFilter {
  openOnly: boolean;
  rule: string;
}
export function alertsUrl({ openOnly, rule }: AlertFilter): string {
  const query = new URLSearchParams();
  if (openOnly) query.set('open', 'true');
  if (rule !== '') query.set('rule', rule);
  const text = query.toString();
  return text === '' ? routePath('alerts') : `${routePath('alerts')}?${text}`;
}
export async function fetchAlerts(filter: AlertFilter): Promise<Alert[]> {
  return (await getJson(alertsUrl(filter), routes.alerts.response)).alerts;
}
export function acknowledgeAlert(id: string, comment: string): Promise<Alert> {
  const path = routePath('acknowledgeAlert', { id });
  return sendJson('POST', path, { comment }, routes.acknowledgeAlert.response);
}
/** `for` a duration such as `8h`, or null to take the alert off the shelf. */
export function shelveAlert(id: string, duration: string | null): Promise<Alert> {
  const body = duration === null ? { until: null } : { for: duration };
  return sendJson('POST', routePath('shelveAlert', { id }), body, routes.shelveAlert.response);
}

// The jobs routes have no response schema in the route table: the renderer checks its part.
export const jobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  type: z.string(),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number().nullable(),
  message: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  /** When it was queued: the Live view marks jobs on the time axis. */
  createdMs: z.number().optional(),
  origin: z
    .object({
      ruleId: z.string(),
      alertId: z.string(),
      user: z.string(),
      /** The window that triggered a rule's job: the Jobs page links it to the Live page. */
      trigger: z.object({ startMs: z.number(), atMs: z.number() }),
    })
    .partial(),
  params: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type Job = z.infer<typeof jobSchema>;
const jobListSchema = z.object({ jobs: z.array(jobSchema) });
export const jobDetailSchema = z.object({
  job: jobSchema,
  logs: z.array(z.object({ at: z.string(), level: z.string(), message: z.string() })),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export async function fetchJobs(): Promise<Job[]> {
  return (await getJson(routePath('jobs'), jobListSchema)).jobs;
}
export function fetchJob(id: string): Promise<JobDetail> {
  return getJson(routePath('job', { id }), jobDetailSchema);
}
export async function cancelJob(id: string): Promise<void> {
  await sendJson('POST', routePath('cancelJob', { id }), undefined, null);
}

export function fetchPreferences(name: string): Promise<NotificationPreferences> {
  return getJson(routePath('preferences', { name }), routes.preferences.response);
}
export function savePreferences(
  name: string,
  preferences: NotificationPreferences,
): Promise<NotificationPreferences> {
  const path = routePath('setPreferences', { name });
  return sendJson('PUT', path, preferences, routes.setPreferences.response);
}
