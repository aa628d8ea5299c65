import { useEffect } from 'react';
import { formatPercent, formatSpan } from '../../../../core/reports/report-format';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { useCatalog } from '../../state/catalog';
import { ReportView } from './ReportView';
import { RunEvaluationForm } from './RunEvaluationForm';
import { useReports } from './reportsStore';
import './reports.css';

/** Stored evaluation reports, newest first; one report to read; a form to run a new one. */
export function ReportsPage() {
  const { status, error, reports, selectedId, station } = useReports();
  const stations = useCatalog((s) => s.stations);
  useEffect(() => {
    void useReports.getState().load();
  }, []);

  return (
    <section
      className="page page--split page--reports"
      data-testid="reports-page"
      data-phase={status}
    >
      <div className="page-body">
        <div className="page-toolbar">
          <h1 className="page-title">Reports</h1>
          <label>
            Station{' '}
            <select
              value={station}
              onChange={(e) => void useReports.getState().filter(e.target.value)}
              data-testid="reports-station-filter"
            >
              <option value="">all</option>
              {stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => void useReports.getState().load()}
            data-testid="reports-refresh"
          >
            Refresh
          </button>
        </div>
        <RunEvaluationForm />
        <ErrorNote
          message={error}
          testId="reports-error"
          onRetry={() => void useReports.getState().load()}
        />
        {status === 'idle' || status === 'loading' ? (
          <Loading what="reports" testId="reports-loading" />
        ) : reports.length === 0 ? (
          <Empty testId="reports-empty">No reports yet: run an evaluation above.</Empty>
        ) : (
          <table className="data-table" data-testid="reports-table">
            <thead>
              <tr>
                <th>Report</th>
                <th>Stations</th>
                <th>Window</th>
                <th>Completeness</th>
                <th>Findings</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr
                  key={r.id}
                  aria-selected={r.id === selectedId}
                  data-testid={`report-row-${r.id}`}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button mono"
                      onClick={() => void useReports.getState().open(r.id)}
                      data-testid={`report-open-${r.id}`}
                    >
                      {r.id}
                    </button>
                  </td>
                  <td>{r.stations.join(', ')}</td>
                  <td>{formatSpan(r.fromMs, r.toMs)}</td>
                  <td>{formatPercent(r.completeness)}</td>
                  <td>{r.findingCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <aside className="page-side page-side--right">
        <ReportView />
      </aside>
    </section>
  );
}
