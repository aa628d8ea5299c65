import type {
  QuarantineRow,
  UploadProgress,
  UploadResponse,
} from '../../../../core/contracts/uploads';

/** Whole percent of a file sent; 100 for an empty file, never above 100. */
export function percentSent(sentBytes: number, sizeBytes: number): number {
  if (sizeBytes <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((sentBytes / sizeBytes) * 100)));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** One line for a finished upload, in words (readable without the colours). */
export function resultSummary(result: UploadResponse): string {
  const parts = [
    `${result.accepted} accepted`,
    `${result.duplicates} already stored`,
    `${result.rejected} rejected`,
  ];
  if (result.missing > 0) parts.push(`${result.missing} missing (not stored)`);
  return `${result.format} → ${result.target}: ${parts.join(' · ')}`;
}

/** While the server stores a file: how far it has read, and what became of the rows so far. */
export function storingSummary(p: UploadProgress): string {
  const count = (n: number) => n.toLocaleString('en');
  const parts = [`${count(p.rows)} rows checked`, `${count(p.stored)} stored`];
  if (p.duplicates > 0) parts.push(`${count(p.duplicates)} already stored`);
  if (p.rejected > 0) parts.push(`${count(p.rejected)} rejected`);
  return `${percentSent(p.read, p.bytes)}% read: ${parts.join(' · ')}`;
}

/** A fix starts from the row as received when it is one JSON object, else from a template. */
export const FIX_TEMPLATE = '{"datastream": "", "time": "", "value": null}';

export function fixDraft(row: Pick<QuarantineRow, 'raw'>): string {
  try {
    const value: unknown = JSON.parse(row.raw);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return row.raw;
  } catch {
    // a line of a station file or a CSV record: start from the template
  }
  return FIX_TEMPLATE;
}

/** Where a quarantined row came from, shortly: the uploaded file's name, or the source as stored. */
export function sourceLabel(source: string | null): string {
  if (source === null) return 'unknown';
  const upload = /^upload:[^:]+:[^:]*:(.*)$/.exec(source);
  if (upload) return `upload ${upload[1]}`;
  if (source.startsWith('http:token:')) return `API token ${source.slice('http:token:'.length)}`;
  return source;
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + 'Z';
}
