import { formatUtc } from '../../format';
import type { Delivery } from './deliveriesApi';

const STATE_ICON: Record<Delivery['state'], string> = { sent: '✓', failed: '✕' };

/** Each channel's delivery: state by icon and word, attempts, the receiver's answer or error. */
export function DeliveryList({ deliveries, testId }: { deliveries: Delivery[]; testId: string }) {
  if (deliveries.length === 0) {
    return (
      <p className="muted" data-testid={`${testId}-empty`}>
        No deliveries recorded.
      </p>
    );
  }
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th>Channel</th>
          <th>State</th>
          <th>Attempts</th>
          <th>Answer or last error</th>
          <th>Time</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.channel} data-testid={`delivery-${d.channel}`} data-state={d.state}>
            <td className="mono">{d.channel}</td>
            <td>
              <span className="severity" data-tone={d.state === 'sent' ? 'ok' : 'bad'}>
                <span aria-hidden="true">{STATE_ICON[d.state]}</span> {d.state}
              </span>
            </td>
            <td data-testid={`delivery-attempts-${d.channel}`}>{d.attempts}</td>
            <td className={d.state === 'failed' ? 'inline-error' : undefined}>{d.detail ?? '—'}</td>
            <td className="mono">{formatUtc(Date.parse(d.at))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
