import type { AuditEntry } from '../../core/contracts/operations';

const columns = [
  'id',
  'at',
  'action',
  'actor',
  'role',
  'commandId',
  'instrument',
  'ruleId',
  'fromState',
  'toState',
  'reason',
  'params',
] as const;

/**
 * One CSV field (RFC 4180 quoting). A leading =, +, - or @ is prefixed with ' so a
 * spreadsheet opening the export shows text instead of running a formula from a reason.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The audit trail as CSV with a header row; params as JSON in the last column. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [columns.join(',')];
  for (const entry of entries) lines.push(columns.map((c) => csvField(entry[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
