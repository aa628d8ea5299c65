import { useNow } from '../hooks';
import { useConnection } from '../state/connection';
import type { LiveStatus as LiveState } from '../state/connection';

const LABEL: Record<LiveState, string> = {
  idle: 'Live off',
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting',
};

/** Live socket state in the header: green when samples can flow, with the retry countdown. */
export function LiveStatus() {
  const live = useConnection((s) => s.live);
  const attempt = useConnection((s) => s.attempt);
  const retryAt = useConnection((s) => s.retryAt);
  const subscribed = useConnection((s) => s.subscribed.length);
  // Tick once a second only while a countdown is shown.
  const now = useNow(live === 'reconnecting' && retryAt !== null ? 1000 : null);
  const tone = live === 'open' ? 'ok' : live === 'reconnecting' ? 'bad' : 'warn';

  let detail = '';
  if (live === 'open' && subscribed > 0)
    detail = subscribed === 1 ? '1 stream' : `${subscribed} streams`;
  if (live === 'reconnecting') {
    detail =
      retryAt !== null
        ? `retry in ${Math.max(0, Math.ceil((retryAt - now) / 1000))} s · attempt ${attempt}`
        : `attempt ${attempt}`;
  }

  return (
    <div
      className="status-chip"
      data-testid="live-status"
      data-state={live}
      data-tone={tone}
      data-subscribed={subscribed}
      role="status"
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{LABEL[live]}</span>
      {detail && <span className="status-detail">{detail}</span>}
    </div>
  );
}
