import type { StoredReport } from '../../../../core/contracts/report';
import { formatNumber } from '../../../../core/reports/report-format';

type Props = { report: StoredReport };

/** Per datastream: the figures of its values and the range limits the check used. */
export function StatisticsTable({ report }: Props) {
  return (
    <table className="data-table" data-testid="report-statistics">
      <thead>
        <tr>
          {[
            'Datastream',
            'Unit',
            'Count',
            'Min',
            'Max',
            'Mean',
            'Std dev',
            'Median',
            'P5',
            'P95',
            'Limits',
          ].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.summary.datastreams.map((d) => {
          const s = d.statistics;
          const figures = [s?.min, s?.max, s?.mean, s?.stddev, s?.median, s?.p05, s?.p95];
          return (
            <tr key={d.datastream} data-testid={`statistics-${d.datastream}`}>
              <td className="mono">{d.datastream}</td>
              <td>{d.unit}</td>
              <td>{s?.count ?? 0}</td>
              {figures.map((x, i) => (
                <td key={i}>{formatNumber(x)}</td>
              ))}
              <td>{d.limits ? `${d.limits.min}…${d.limits.max} (${d.limits.source})` : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The same quantity at two stations, over their common timestamps. */
export function ComparisonTable({ report }: Props) {
  const { comparisons } = report.summary;
  if (comparisons.length === 0) {
    return <p className="muted">No quantity measured at two of the stations.</p>;
  }
  return (
    <table className="data-table" data-testid="report-comparisons">
      <thead>
        <tr>
          <th>a vs b</th>
          <th>Common samples</th>
          <th>Mean a − b</th>
          <th>Correlation</th>
        </tr>
      </thead>
      <tbody>
        {comparisons.map((c) => (
          <tr key={`${c.a} ${c.b}`} data-testid={`comparison-${c.a}-${c.b}`}>
            <td className="mono">
              {c.a} vs {c.b}
            </td>
            <td>{c.commonSamples}</td>
            <td>{formatNumber(c.meanDifference)}</td>
            <td>{formatNumber(c.correlation)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
