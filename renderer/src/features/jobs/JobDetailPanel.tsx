import { ErrorNote, Loading } from '../../shell/PageState';
import { JobDeliveries } from '../alerts/JobDeliveries';
import { useCan } from '../session/useCan';
import { FootprintView } from './FootprintView';
import { JobLiveLink } from './JobLiveLink';
import { cancellable, originOf, useJobs } from './jobsStore';

/** One job: state, progress, error, result and its log; Cancel while it can be stopped. */
export function JobDetailPanel() {
  const { selectedId, detail, detailError, cancelError } = useJobs();
  const can = useCan('scientist'); // cancelling is the scientist's (route table); viewers see why
  if (selectedId === null) {
    return <p className="muted">Choose a job to see its log.</p>;
  }
  if (detailError !== null) return <ErrorNote message={detailError} testId="job-detail-error" />;
  if (detail === null) return <Loading what="the job" testId="job-detail-loading" />;
  const { job, logs } = detail;
  return (
    <section className="job-detail" data-testid="job-detail" data-state={job.state}>
      <h2 className="section-title mono">{job.id}</h2>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="job-detail-state">{job.state}</dd>
        <dt>Queue / type</dt>
        <dd>
          {job.queue} / {job.type}
        </dd>
        <dt>Origin</dt>
        <dd>{originOf(job)}</dd>
        <dt>Attempts</dt>
        <dd>{job.attempts}</dd>
        {job.message && (
          <>
            <dt>Message</dt>
            <dd>{job.message}</dd>
          </>
        )}
        {job.error && (
          <>
            <dt>Error</dt>
            <dd className="inline-error">{job.error}</dd>
          </>
        )}
      </dl>
      {cancellable(job) && (
        <button
          type="button"
          className="button button--danger"
          disabled={!can.allowed}
          title={can.reason}
          onClick={() => void useJobs.getState().cancel(job.id)}
          data-testid="job-cancel"
        >
          Cancel job
        </button>
      )}
      <ErrorNote message={cancelError} testId="job-cancel-error" />
      <JobLiveLink job={job} />
      {job.type === 'backward-dispersion' && <FootprintView job={job} />}
      {job.result && <pre className="json-view">{JSON.stringify(job.result, null, 2)}</pre>}
      {job.type === 'notify' && (
        <JobDeliveries jobId={job.id} version={`${job.state}:${job.attempts}`} />
      )}
      <h3 className="section-title">Log</h3>
      {logs.length === 0 ? (
        <p className="muted" data-testid="job-log-empty">
          No log lines yet.
        </p>
      ) : (
        <ol className="log" data-testid="job-log">
          {logs.map((line, i) => (
            <li key={i} data-level={line.level} className="mono">
              {line.at} [{line.level}] {line.message}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
