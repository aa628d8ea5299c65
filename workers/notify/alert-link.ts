import type { NotifyParams } from '../../core/contracts/notify';

/** Where an alert opens in the control room: its page selects it from the hash. */
export function alertUrl(publicUrl: string, alertId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/alerts/${encodeURIComponent(alertId)}`;
}

/**
 * A rule's notification links to its alert, so whoever reads it is one click from the
 * alert, its values and who else was told. A link the rule wrote itself is kept.
 */
export function withAlertLink(
  params: NotifyParams,
  alertId: string | undefined,
  publicUrl: string | undefined,
): NotifyParams {
  if (params.link !== undefined || alertId === undefined || publicUrl === undefined) return params;
  return { ...params, link: alertUrl(publicUrl, alertId) };
}
