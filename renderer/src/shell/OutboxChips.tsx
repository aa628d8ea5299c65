import type { HealthResponse } from '../../../core/contracts/http';
import { formatCount, formatDuration } from '../format';
import type { DrainState } from '../state/drainTracker';

/**
 * The outbox while the bus is away: how much the hut holds back. Large and worded, with an
 * icon, because a red dot alone is missed (and invisible to some eyes) on a busy desk.
 */
export function OfflineChip({
  bus,
  outbox,
  stale,
}: {
  bus: HealthResponse['bus'];
  outbox: HealthResponse['outbox'];
  stale: string;
}) {
  const oldest =
    outbox.oldestAgeSeconds === null
      ? 'nothing is waiting yet'
      : `the oldest has waited ${formatDuration(outbox.oldestAgeSeconds)}`;
  const title =
    `Bus ${bus.kind} unreachable: ${bus.error ?? 'no answer'}. ` +
    `${formatCount(outbox.backlog)} observations buffered in the outbox; ${oldest}. ` +
    `Ingest goes on; they are published in order when the bus is back.${stale}`;
  return (
    <div
      className="health-chip outbox-state"
      data-testid="bus-offline"
      data-tone="bad"
      data-backlog={outbox.backlog}
      title={title}
      // Focusable so keyboard and screen-reader users reach the explanation in the title.
      tabIndex={0}
    >
      <span className="outbox-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="outbox-text">offline: {formatCount(outbox.backlog)} buffered</span>
    </div>
  );
}

/** The outbox catching up after an outage: what is left, how far along, and how long still. */
export function DrainChip({ drain, stale }: { drain: DrainState; stale: string }) {
  const percent = Math.floor(drain.progress * 100);
  const published = drain.peak - drain.backlog;
  const eta = drain.etaSeconds === null ? 'estimating…' : `~${formatDuration(drain.etaSeconds)}`;
  const speed = drain.rate === null ? '' : ` at ${formatCount(drain.rate)} rows/s`;
  const title =
    `Bus back: publishing the buffered observations in order. ` +
    `${formatCount(published)} of ${formatCount(drain.peak)} sent (${percent} %)${speed}; ` +
    `${drain.etaSeconds === null ? 'time left not known yet' : `about ${formatDuration(drain.etaSeconds)} left`}.${stale}`;
  return (
    <div
      className="health-chip outbox-state"
      data-testid="outbox-drain"
      data-tone="warn"
      data-backlog={drain.backlog}
      title={title}
      tabIndex={0}
    >
      <span className="outbox-icon" aria-hidden="true">
        ↑
      </span>
      <span className="outbox-text">draining: {formatCount(drain.backlog)} left</span>
      <span
        className="outbox-progress"
        role="progressbar"
        aria-label="Outbox drained"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} % of ${formatCount(drain.peak)} published`}
      >
        <span className="outbox-progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="health-value outbox-eta" data-testid="outbox-drain-eta">
        {eta}
      </span>
    </div>
  );
}
