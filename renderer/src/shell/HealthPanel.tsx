import { useConnection } from '../state/connection';

type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

/** Backlog above which the outbox is worth a look (the relay normally drains it in seconds). */
const BACKLOG_WARN = 1000;

function Chip({
  id,
  tone,
  label,
  value,
  title,
}: {
  id: string;
  tone: Tone;
  label: string;
  value: string;
  title: string;
}) {
  return (
    <div className="health-chip" data-testid={`health-${id}`} data-tone={tone} title={title}>
      <span className="status-dot" aria-hidden="true" />
      <span className="health-label">{label}</span>
      <span className="health-value">{value}</span>
    </div>
  );
}

/** Database, bus and outbox backlog from GET /api/health (polled by useHealthPolling). */
export function HealthPanel() {
  const health = useConnection((s) => s.health);
  const error = useConnection((s) => s.healthError);
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
    outbox.oldestAgeSeconds === null ? '' : `, oldest ${Math.round(outbox.oldestAgeSeconds)} s`;
  return (
    <div
      className="health"
      data-testid="health-panel"
      data-status={unreachable ? 'unreachable' : health.status}
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
      <Chip
        id="outbox"
        tone={unreachable ? 'unknown' : backlogTone}
        label="Outbox"
        value={String(outbox.backlog)}
        title={`Outbox backlog: ${outbox.backlog} rows not yet on the bus${oldest}${stale}`}
      />
    </div>
  );
}
