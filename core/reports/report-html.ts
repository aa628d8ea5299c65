import type { StoredReport } from '../contracts/report';
import { formatNumber, formatPercent, formatSpan, formatTime } from './report-format';

/** Everything that came from data or users goes through here before it reaches the page. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function table(caption: string, head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>${escapeHtml(empty)}</p>`;
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<h2>${escapeHtml(caption)}</h2><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

// Black on white with rules and weights, not colour, carrying the meaning: it prints on any
// printer and reads the same to everyone. No external assets: the file works offline.
const STYLE = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; background: #fff; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.4em 0 .4em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #888; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 1em; }
dt { font-weight: 600; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  @page { size: A4 landscape; margin: 12mm; } }
`;

const MAX_GAPS_LISTED = 8;

/** The report as one printable, self-contained HTML page. */
export function reportHtml(report: StoredReport): string {
  const { summary } = report;
  const title = `Evaluation report ${report.stations.join(', ')}`;
  const facts = [
    ['Report', report.id],
    ['Window', formatSpan(report.fromMs, report.toMs)],
    ['Created', report.createdAt],
    ['Checks', summary.checks.join(', ')],
    ['Completeness', formatPercent(summary.completeness)],
    ['Findings', `${summary.findings}${summary.truncated ? ' (list shortened)' : ''}`],
  ]
    .map(([k, v]) => `<dt>${escapeHtml(k!)}</dt><dd>${escapeHtml(v!)}</dd>`)
    .join('');
  const completeness = summary.datastreams
    .filter((d) => d.completeness !== null)
    .map((d) => {
      const c = d.completeness!;
      const gaps = c.gaps.slice(0, MAX_GAPS_LISTED).map((g) => formatSpan(g.fromMs, g.toMs));
      const more =
        c.gaps.length > MAX_GAPS_LISTED ? [`… ${c.gaps.length - MAX_GAPS_LISTED} more`] : [];
      return [
        d.datastream,
        `${c.present} / ${c.expected}`,
        formatPercent(c.ratio),
        [...gaps, ...more].join('; '),
      ];
    });
  const statistics = summary.datastreams.map((d) => {
    const s = d.statistics;
    const figures = s ? [s.count, s.min, s.max, s.mean, s.stddev, s.median, s.p05, s.p95] : [];
    const limits = d.limits ? `${d.limits.min}…${d.limits.max} (${d.limits.source})` : '—';
    return [
      d.datastream,
      d.unit,
      ...(s ? figures.map((x) => formatNumber(x)) : Array(8).fill('—')),
      limits,
    ];
  });
  const findings = report.findings.map((f) => [
    f.check,
    f.datastream,
    formatSpan(f.fromMs, f.toMs),
    String(f.count),
    f.message,
  ]);
  const comparisons = summary.comparisons.map((c) => [
    `${c.a} vs ${c.b}`,
    String(c.commonSamples),
    formatNumber(c.meanDifference),
    formatNumber(c.correlation),
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl>${facts}</dl>
${table('Completeness against the cadence', ['Datastream', 'Present / expected', 'Completeness', 'Gaps'], completeness, 'No datastream with a cadence.')}
${table('Findings', ['Check', 'Datastream', 'When', 'Values', 'What'], findings, 'No findings: every check passed.')}
${table('Statistics', ['Datastream', 'Unit', 'Count', 'Min', 'Max', 'Mean', 'Std dev', 'Median', 'P5', 'P95', 'Range limits'], statistics, 'No datastreams.')}
${table('Station comparison', ['Pair (a vs b)', 'Common samples', 'Mean a − b', 'Correlation'], comparisons, 'No quantity measured at two of the stations.')}
<p>Printed from Firn, ${escapeHtml(formatTime(Date.parse(report.createdAt)))}.</p>
</body></html>
`;
}
