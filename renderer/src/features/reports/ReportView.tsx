import { formatPercent, formatSpan } from '../../../../core/reports/report-format';
import { ErrorNote, Loading } from '../../shell/PageState';
import { reportCsvUrl, reportHtmlUrl } from './reportsApi';
import { useReports } from './reportsStore';
import { ComparisonTable, StatisticsTable } from './FigureTables';
import { CompletenessTable, FindingsTable } from './ReportTables';

/** One stored report: its facts, the downloads, and its four tables. */
export function ReportView() {
  const { selectedId, report, reportError } = useReports();
  if (selectedId === null) return <p className="muted">Choose a report to read it.</p>;
  if (reportError !== null) return <ErrorNote message={reportError} testId="report-error" />;
  if (report === null) return <Loading what="the report" testId="report-loading" />;
  const { summary } = report;
  return (
    <article className="report-view" data-testid="report-view" data-report={report.id}>
      <h2 className="section-title mono">{report.id}</h2>
      <dl className="facts">
        <dt>Stations</dt>
        <dd>{report.stations.join(', ')}</dd>
        <dt>Window</dt>
        <dd data-testid="report-window">{formatSpan(report.fromMs, report.toMs)}</dd>
        <dt>Completeness</dt>
        <dd data-testid="report-completeness-total">{formatPercent(summary.completeness)}</dd>
        <dt>Findings</dt>
        <dd data-testid="report-finding-count">
          {summary.findings}
          {summary.truncated && ' (the list below is shortened; counts are exact)'}
        </dd>
      </dl>
      <div className="button-row">
        <a
          className="button"
          href={reportCsvUrl(report.id)}
          download
          data-testid="report-download-csv"
        >
          Download CSV
        </a>
        <a
          className="button"
          href={reportHtmlUrl(report.id)}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="report-open-html"
        >
          Printable report
        </a>
      </div>
      <h3 className="section-title">Completeness</h3>
      <div className="table-scroll">
        <CompletenessTable report={report} />
      </div>
      <h3 className="section-title">Findings</h3>
      <div className="table-scroll">
        <FindingsTable report={report} />
      </div>
      <h3 className="section-title">Statistics</h3>
      <div className="table-scroll">
        <StatisticsTable report={report} />
      </div>
      <h3 className="section-title">Station comparison</h3>
      <div className="table-scroll">
        <ComparisonTable report={report} />
      </div>
    </article>
  );
}
