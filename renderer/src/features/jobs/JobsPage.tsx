import { useEffect } from 'react';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { JobDetailPanel } from './JobDetailPanel';
import { originOf, useJobs } from './jobsStore';

const REFRESH_MS = 5_000;

/** Jobs of the on-demand queues, newest first, refreshed every few seconds. */
export function JobsPage() {
  const { status, error, jobs, selectedId } = useJobs();
  useEffect(() => {
    void useJobs.getState().load();
    const timer = setInterval(() => void useJobs.getState().load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <section className="page page--split" data-testid="jobs-page" data-phase={status}>
      <div className="page-body">
        <div className="page-toolbar">
          <h1 className="page-title">Jobs</h1>
          <button
            type="button"
            className="button"
            onClick={() => void useJobs.getState().load()}
            data-testid="jobs-refresh"
          >
            Refresh
          </button>
        </div>
        <ErrorNote
          message={error}
          testId="jobs-error"
          onRetry={() => void useJobs.getState().load()}
        />
        {status === 'idle' || status === 'loading' ? (
          <Loading what="jobs" testId="jobs-loading" />
        ) : jobs.length === 0 ? (
          <Empty testId="jobs-empty">No jobs yet.</Empty>
        ) : (
          <table className="data-table" data-testid="jobs-table">
            <thead>
              <tr>
                <th>Job</th>
                <th>Type</th>
                <th>State</th>
                <th>Progress</th>
                <th>Origin</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr
                  key={job.id}
                  aria-selected={job.id === selectedId}
                  data-testid={`job-row-${job.id}`}
                  data-state={job.state}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button mono"
                      onClick={() => void useJobs.getState().open(job.id)}
                      data-testid={`job-open-${job.id}`}
                    >
                      {job.id}
                    </button>
                  </td>
                  <td>
                    {job.queue} / {job.type}
                  </td>
                  <td data-testid={`job-state-${job.id}`}>{job.state}</td>
                  <td>
                    {job.progress === null ? (
                      '—'
                    ) : (
                      <progress max={1} value={job.progress} aria-label="progress" />
                    )}
                  </td>
                  <td>{originOf(job)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <aside className="page-side page-side--right">
        <JobDetailPanel />
      </aside>
    </section>
  );
}
