import type { StoredReport } from '../contracts/report';

const HEADER = [
  'type',
  'datastream',
  'check',
  'from',
  'to',
  'count',
  'min',
  'max',
  'mean',
  'stddev',
  'p05',
  'median',
  'p95',
  'completeness',
  'message',
];

type Cell = string | number | null | undefined;

/**
 * RFC 4180 quoting: a field with a comma, quote or line break is quoted and its quotes
 * doubled. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe; numbers are written as numbers.
 */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One row per datastream's statistics, per finding and per station comparison. */
export function reportCsv(report: StoredReport): string {
  const rows: Cell[][] = [HEADER];
  for (const d of report.summary.datastreams) {
    const s = d.statistics;
    const limits = d.limits ? `limits ${d.limits.min}…${d.limits.max} (${d.limits.source})` : '';
    const gaps = d.completeness ? `${d.completeness.gaps.length} gap(s)` : '';
    rows.push([
      'statistics',
      d.datastream,
      '',
      iso(report.fromMs),
      iso(report.toMs),
      s?.count ?? 0,
      s?.min,
      s?.max,
      s?.mean,
      s?.stddev,
      s?.p05,
      s?.median,
      s?.p95,
      d.completeness?.ratio,
      [d.unit, limits, gaps].filter((x) => x !== '').join('; '),
    ]);
  }
  for (const f of report.findings) {
    const row: Cell[] = ['finding', f.datastream, f.check, iso(f.fromMs), iso(f.toMs), f.count];
    rows.push([
      ...row,
      f.figures.min,
      f.figures.max,
      null,
      null,
      null,
      null,
      null,
      null,
      f.message,
    ]);
  }
  for (const c of report.summary.comparisons) {
    rows.push([
      'comparison',
      `${c.a} vs ${c.b}`,
      'comparison',
      iso(report.fromMs),
      iso(report.toMs),
      c.commonSamples,
      null,
      null,
      c.meanDifference,
      null,
      null,
      null,
      null,
      null,
      `mean difference (a - b) ${c.meanDifference ?? 'n/a'}; correlation ${c.correlation ?? 'n/a'}`,
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
