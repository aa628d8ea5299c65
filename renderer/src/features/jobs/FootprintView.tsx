import type { Job } from '../../api/controlRoom';
import { formatUtc } from '../../format';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { FootprintPlot } from './FootprintPlot';
import { useJobResult } from './useJobResult';
import './jobs.css';

/** Why a job has no footprint to show (yet), in words. */
export function footprintPending(job: Pick<Job, 'state' | 'progress'>): string | null {
  if (job.state === 'queued') return 'The run is queued; its footprint shows when it has finished.';
  if (job.state === 'running') {
    const done = job.progress === null ? '' : ` (${Math.round(job.progress * 100)} % done)`;
    return `The run is in progress${done}; its footprint shows when it has finished.`;
  }
  if (job.state === 'failed') return 'The run failed: there is no footprint.';
  if (job.state === 'cancelled') return 'The run was cancelled: there is no footprint.';
  return null;
}

/** The footprint of a backward-dispersion job: residence time, trajectories, station. */
export function FootprintView({ job }: { job: Job }) {
  const pending = footprintPending(job);
  const { state, retry } = useJobResult(job.id, pending === null);
  return (
    <section className="footprint" data-testid="footprint" data-state={job.state}>
      <h3 className="section-title">Footprint</h3>
      {pending !== null ? (
        <Empty testId="footprint-pending">{pending}</Empty>
      ) : state.status === 'loading' ? (
        <Loading what="the footprint" testId="footprint-loading" />
      ) : state.status === 'error' ? (
        <ErrorNote message={state.message} testId="footprint-error" onRetry={retry} />
      ) : (
        <>
          <p className="muted footprint-caption" data-testid="footprint-caption">
            Where the air released
            {state.result.release
              ? ` from ${formatUtc(state.result.release.startMs)} to ${formatUtc(state.result.release.endMs)}`
              : ''}{' '}
            spent time near the ground on its way here (darker: less time, yellow: most). Thin
            lines: sampled particles; diamonds: their centre every output interval.
          </p>
          <FootprintPlot result={state.result} />
        </>
      )}
    </section>
  );
}
