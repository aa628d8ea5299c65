import type { StoredReport } from '../../../../core/contracts/report';
import { formatPercent, formatSpan } from '../../../../core/reports/report-format';

const MAX_GAPS_SHOWN = 6;
type Props = { report: StoredReport };

/** Per datastream with a cadence: present of expected values and where the gaps are. */
export function CompletenessTable({ report }: Props) {
  const rows = report.summary.datastreams.filter((d) => d.completeness !== null);
  if (rows.length === 0) return <p className="muted">No datastream with a cadence.</p>;
  return (
    <table className="data-table" data-testid="report-completeness">
      <thead>
        <tr>
          <th>Datastream</th>
          <th>Present / expected</th>
          <th>Completeness</th>
          <th>Gaps</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ datastream, completeness: c }) => (
          <tr key={datastream} data-testid={`completeness-${datastream}`}>
            <td className="mono">{datastream}</td>
            <td>
              {c!.present} / {c!.expected}
            </td>
            <td>{formatPercent(c!.ratio)}</td>
            <td>
              {c!.gaps.length === 0
                ? 'none'
                : c!.gaps
                    .slice(0, MAX_GAPS_SHOWN)
                    .map((g) => formatSpan(g.fromMs, g.toMs))
                    .join('; ')}
              {c!.gaps.length > MAX_GAPS_SHOWN && ` … ${c!.gaps.length - MAX_GAPS_SHOWN} more`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the checks found, each with its check named in words (not only a colour). */
export function FindingsTable({ report }: Props) {
  if (report.findings.length === 0) {
    return <p data-testid="report-findings-empty">No findings: every check passed.</p>;
  }
  return (
    <table className="data-table" data-testid="report-findings">
      <thead>
        <tr>
          <th>Check</th>
          <th>Datastream</th>
          <th>When</th>
          <th>Values</th>
          <th>What</th>
        </tr>
      </thead>
      <tbody>
        {report.findings.map((f, i) => (
          <tr key={i} data-testid="finding-row" data-check={f.check}>
            <td>
              <span className="finding-check" data-check={f.check}>
                {f.check}
              </span>
            </td>
            <td className="mono">{f.datastream}</td>
            <td>{formatSpan(f.fromMs, f.toMs)}</td>
            <td>{f.count}</td>
            <td>{f.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
