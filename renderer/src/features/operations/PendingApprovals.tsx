import { useState } from 'react';
import type { Command } from '../../../../core/contracts/operations';
import { Empty } from '../../shell/PageState';
import { useCan } from '../session/useCan';
import {
  describeInterlock,
  formatParams,
  formatUtcSecond,
  RISK_LABEL,
  specOf,
} from './commandFormat';
import { approvalsGiven, isPending, useOperations } from './operationsStore';

/** Commands waiting for an operator: approve or reject, each with a reason for the record. */
export function PendingApprovals() {
  const all = useOperations((s) => s.commands);
  const commands = all.filter(isPending);
  return (
    <section className="ops-section" aria-labelledby="ops-pending-title" data-testid="ops-pending">
      <h2 className="section-title" id="ops-pending-title">
        Pending approvals <span className="muted">({commands.length})</span>
      </h2>
      {commands.length === 0 ? (
        <Empty testId="ops-pending-empty">Nothing waits for approval.</Empty>
      ) : (
        <ul className="list ops-pending-list">
          {commands.map((command) => (
            <PendingCommand key={command.id} command={command} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingCommand({ command }: { command: Command }) {
  const [reason, setReason] = useState('');
  const instruments = useOperations((s) => s.instruments);
  const busy = useOperations((s) => s.busy[command.id] ?? false);
  const error = useOperations((s) => s.actionErrors[command.id] ?? null);
  const { instrument, spec } = specOf(command, instruments);
  const tid = (part: string) => `ops-pending-${part}-${command.id}`;
  const decide = async (decision: 'approve' | 'reject') => {
    if (await useOperations.getState().decide(command.id, decision, reason.trim())) setReason('');
  };
  const given = approvalsGiven(command);
  // Only operators decide; others see why the buttons are off (the server refuses anyway).
  const can = useCan('operator');

  return (
    <li
      className="list-item ops-pending-item"
      data-testid={`ops-pending-row-${command.id}`}
      data-command={command.command}
    >
      <div className="list-main">
        <strong className="mono" data-testid={tid('command')}>
          {command.instrument} · {command.command}
        </strong>
        <span className="tag" data-testid={tid('risk')}>
          {RISK_LABEL[command.risk]}
          {command.approvalsNeeded > 1 && ` · ${given} of ${command.approvalsNeeded} given`}
        </span>
      </div>
      <dl className="facts ops-facts">
        <dt>Parameters</dt>
        <dd className="mono" data-testid={tid('params')}>
          {formatParams(command.params)}
        </dd>
        <dt>Requested by</dt>
        <dd data-testid={tid('by')}>
          {command.requestedBy} at {formatUtcSecond(command.createdAt)}
        </dd>
        <dt>Rule</dt>
        <dd className="mono" data-testid={tid('rule')}>
          {command.ruleId ?? 'by hand'}
        </dd>
        <dt>Interlocks</dt>
        <dd data-testid={tid('interlocks')}>
          {spec === undefined || spec.interlocks.length === 0
            ? 'none'
            : spec.interlocks.map((i) => describeInterlock(i, instrument)).join('; ')}
          <span className="muted"> — checked at approval and again before sending</span>
        </dd>
        {command.notBefore !== null && (
          <>
            <dt>Booked slot</dt>
            <dd data-testid={tid('slot')}>
              {command.bookingId ?? '—'}, runs from {formatUtcSecond(command.notBefore)}
              {command.state === 'scheduled' && (
                <span className="muted"> — scheduled: an approval now counts at that time</span>
              )}
            </dd>
          </>
        )}
      </dl>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label className="ops-reason">
          <span className="json-label">Reason (required)</span>
          <input
            className="input input--wide"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid={tid('reason')}
            maxLength={2000}
          />
        </label>
        <span className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={!can.allowed || busy || reason.trim() === ''}
            title={can.reason}
            onClick={() => void decide('approve')}
            data-testid={tid('approve')}
          >
            ✓ Approve
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!can.allowed || busy || reason.trim() === ''}
            title={can.reason}
            onClick={() => void decide('reject')}
            data-testid={tid('reject')}
          >
            ✕ Reject
          </button>
        </span>
      </form>
      {error !== null && (
        <p className="inline-error" role="alert" data-testid={tid('error')}>
          ⚠ {error}
        </p>
      )}
    </li>
  );
}
