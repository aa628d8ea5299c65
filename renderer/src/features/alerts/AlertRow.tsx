import { useState } from 'react';
import type { Alert } from '../../api/controlRoom';
import {
  formatMaybe,
  formatValues,
  isShelved,
  SEVERITY_ICON,
  SEVERITY_TONE,
  SHELVE_CHOICES,
} from './alertFormat';
import { useAlerts } from './alertsStore';
import { hashOfAlert } from './alertSelection';
import { useCan } from '../session/useCan';

/** One alert: what, when and its values; acknowledge with a comment, shelve or unshelve. */
export function AlertRow({ alert, now }: { alert: Alert; now: number }) {
  const [comment, setComment] = useState('');
  const busy = useAlerts((s) => s.busy[alert.id] ?? false);
  const error = useAlerts((s) => s.actionErrors[alert.id] ?? null);
  const shelved = isShelved(alert, now);
  const tid = (part: string) => `alert-${part}-${alert.id}`;
  // Acknowledging and shelving need the scientist role (the route table's); viewers see why.
  const can = useCan('scientist');

  const acknowledge = async () => {
    if (await useAlerts.getState().acknowledge(alert.id, comment.trim())) setComment('');
  };
  return (
    <tr data-testid={`alert-row-${alert.id}`} data-status={alert.status} data-rule={alert.ruleId}>
      <td>
        <span className="severity" data-tone={SEVERITY_TONE[alert.severity]}>
          <span aria-hidden="true">{SEVERITY_ICON[alert.severity]}</span> {alert.severity}
        </span>
      </td>
      <td data-testid={tid('status')}>
        {alert.status}
        {alert.flapping && <span className="tag">flapping</span>}
        {alert.backfill && (
          <span className="tag" data-testid={tid('backfill')}>
            backfill
          </span>
        )}
      </td>
      <td className="mono">
        <a href={hashOfAlert(alert.id)} title="Details and notifications" data-testid={tid('open')}>
          {alert.ruleId}
        </a>
      </td>
      <td className="mono">{formatMaybe(alert.startMs)}</td>
      <td className="mono">{formatMaybe(alert.firingMs)}</td>
      <td className="mono">{formatMaybe(alert.resolvedMs)}</td>
      <td className="mono">{formatValues(alert.values)}</td>
      <td>
        {alert.acknowledged ? (
          <span data-testid={tid('acknowledged')}>
            ✓ {alert.acknowledged.by}: “{alert.acknowledged.comment}”
          </span>
        ) : (
          <span className="row-actions">
            <input
              className="input"
              placeholder="comment"
              aria-label="Acknowledge comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid={tid('comment')}
            />
            <button
              type="button"
              className="button"
              disabled={!can.allowed || busy || comment.trim() === ''}
              title={can.reason}
              onClick={() => void acknowledge()}
              data-testid={tid('ack')}
            >
              Acknowledge
            </button>
          </span>
        )}
      </td>
      <td>
        <span className="row-actions" data-testid={tid('shelf')} data-shelved={String(shelved)}>
          {shelved ? (
            <>
              <span>shelved until {formatMaybe(alert.shelvedUntilMs)}</span>
              <button
                type="button"
                className="button"
                disabled={!can.allowed || busy}
                title={can.reason}
                onClick={() => void useAlerts.getState().shelve(alert.id, null)}
                data-testid={tid('unshelve')}
              >
                Unshelve
              </button>
            </>
          ) : (
            SHELVE_CHOICES.map((d) => (
              <button
                key={d}
                type="button"
                className="button"
                disabled={!can.allowed || busy}
                title={can.reason}
                onClick={() => void useAlerts.getState().shelve(alert.id, d)}
                data-testid={tid(`shelve-${d}`)}
              >
                Shelve {d}
              </button>
            ))
          )}
        </span>
        {error && (
          <div className="inline-error" role="alert" data-testid={tid('error')}>
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
