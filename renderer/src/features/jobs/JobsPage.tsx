import { useEffect } from 'react';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { useCatalog } from '../../state/catalog';
import { useRoute } from '../../state/route';
import { useCan } from '../session/useCan';
import { JobDetailPanel } from './JobDetailPanel';
import { cancellable, originOf, useJobs } from './jobsStore';
import { TrajectoryForm } from './TrajectoryForm';
import { DRAFT_DEFAULTS, draftForStation, windChoices } from './trajectoryDraft';
import { useTrajectoryForm } from './trajectoryStore';

const REFRESH_MS = 5_000;
/** While the chosen job runs, its progress is worth following more closely. */
const FOLLOW_MS = 1_500;

/** Opens the form on a station with a position and wind datastreams. */
function openTrajectoryForm(): void {
  const { stations, datastreams } = useCatalog.getState();
  // Prefer a station whose wind has data: a run without measured wind fails.
  const hasWind = (id: string, withData: boolean) =>
    windChoices(datastreams, id).speed.some(
      (key) => !withData || datastreams.find((d) => d.key === key)?.lastTime,
    );
  const placed = stations.filter((s) => s.latitude !== null);
  const station =
    placed.find((s) => hasWind(s.id, true)) ??
    placed.find((s) => hasWind(s.id, false)) ??
    stations[0];
  const draft = draftForStation(DRAFT_DEFAULTS, station?.id ?? '', datastreams, Date.now());
  useTrajectoryForm.getState().show(draft);
}

/** Jobs of the on-demand queues, newest first, refreshed every few seconds. */
export function JobsPage() {
  const { status, error, jobs, selectedId, detail } = useJobs();
  const formOpen = useTrajectoryForm((s) => s.open);
  const canRun = useCan('scientist'); // running a job is the scientist's (route table)
  const following = detail !== null && cancellable(detail.job);
  // The address names the chosen job (`#/jobs/<id>`): links from alerts and schedules open
  // it, on load and on every hash change, and back/forward move between jobs.
  const routed = useRoute((s) => (s.page === 'jobs' ? s.detail : null));
  useEffect(() => {
    void useJobs.getState().load();
  }, []);
  useEffect(() => {
    void useJobs.getState().open(routed);
  }, [routed]);
  useEffect(() => {
    const timer = setInterval(
      () => void useJobs.getState().load(),
      following ? FOLLOW_MS : REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [following]);

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
          <button
            type="button"
            className="button"
            aria-expanded={formOpen}
            disabled={!canRun.allowed}
            title={canRun.reason}
            onClick={() => (formOpen ? useTrajectoryForm.getState().hide() : openTrajectoryForm())}
            data-testid="trajectory-open"
          >
            Run a back-trajectory…
          </button>
        </div>
        {formOpen && <TrajectoryForm />}
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
                      onClick={() => useRoute.getState().navigate('jobs', job.id)}
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
