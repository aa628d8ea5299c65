import { formatCount, formatDuration } from '../format';
import { useConnection } from '../state/connection';
import { Chip, type Tone } from './Chip';
import { DrainChip, OfflineChip } from './OutboxChips';

/** Backlog above which the outbox is worth a look (the relay normally drains it in seconds). */
const BACKLOG_WARN = 1000;

/** Database, bus and outbox backlog from GET /api/health (polled by useHealthPolling). */
export function HealthPanel() {
  const health = useConnection((s) => s.health);
  const error = useConnection((s) => s.healthError);
  const drain = useConnection((s) => s.drain);
  const unreachable = error !== null;

  if (!health) {
    return (
      <div
        className="health"
        data-testid="health-panel"
        data-status={unreachable ? 'unreachable' : 'unknown'}
      >
        <Chip
          id="server"
          tone={unreachable ? 'bad' : 'unknown'}
          label="Server"
          value={unreachable ? 'unreachable' : '…'}
          title={error ?? 'checking'}
        />
      </div>
    );
  }
  // A failed poll keeps the last answer on screen, marked stale rather than blanked.
  const stale = unreachable ? ' (stale)' : '';
  const { database, bus, outbox } = health;
  const backlogTone: Tone =
    outbox.backlog === 0 ? 'ok' : outbox.backlog < BACKLOG_WARN ? 'warn' : 'bad';
  const oldest =
    outbox.oldestAgeSeconds === null ? '' : `, oldest ${formatDuration(outbox.oldestAgeSeconds)}`;
  return (
    <div
      className="health"
      data-testid="health-panel"
      data-status={unreachable ? 'unreachable' : health.status}
      data-outbox={drain.phase}
    >
      <Chip
        id="database"
        tone={unreachable ? 'unknown' : database.ok ? 'ok' : 'bad'}
        label="DB"
        value={database.kind}
        title={`Database ${database.kind}: ${database.ok ? 'ok' : (database.error ?? 'failing')}${stale}`}
      />
      <Chip
        id="bus"
        tone={unreachable ? 'unknown' : bus.kind === 'none' ? 'warn' : bus.ok ? 'ok' : 'bad'}
        label="Bus"
        value={bus.kind}
        title={`Bus ${bus.kind}: ${bus.ok ? 'ok' : (bus.error ?? 'failing')}${stale}`}
      />
      {/* The bus answer decides offline; the tracker only knows about drains it has seen. */}
      {!bus.ok && outbox.backlog >= 0 ? (
        <OfflineChip bus={bus} outbox={outbox} stale={stale} />
      ) : drain.phase === 'draining' ? (
        <DrainChip drain={drain} stale={stale} />
      ) : (
        <Chip
          id="outbox"
          tone={unreachable ? 'unknown' : backlogTone}
          label="Outbox"
          value={outbox.backlog < 0 ? 'unknown' : formatCount(outbox.backlog)}
          title={`Outbox backlog: ${formatCount(outbox.backlog)} rows not yet on the bus${oldest}${stale}`}
        />
      )}
    </div>
  );
}
