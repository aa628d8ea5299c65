import { Fragment } from 'react';
import type { AuditEntry, Command } from '../../../../core/contracts/operations';
import { Empty, ErrorNote } from '../../shell/PageState';
import { formatParams, formatUtcSecond, STATE_ICON, STATE_TONE } from './commandFormat';
import { auditCsvUrl } from './operationsApi';
import { useOperations } from './operationsStore';

/** Every command with its state; a row opens its audit trail. */
export function CommandHistory() {
  const commands = useOperations((s) => s.commands);
  const expandedId = useOperations((s) => s.expandedId);
  return (
    <section className="ops-section" aria-labelledby="ops-history-title" data-testid="ops-history">
      <div className="page-toolbar">
        <h2 className="section-title" id="ops-history-title">
          History
        </h2>
        <a
          className="button"
          href={auditCsvUrl(null)}
          download="operations-audit.csv"
          data-testid="ops-audit-export"
        >
          ⤓ Export audit (CSV)
        </a>
      </div>
      {commands.length === 0 ? (
        <Empty testId="ops-history-empty">No commands yet.</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="ops-history-table">
            <thead>
              <tr>
                <th scope="col">Command</th>
                <th scope="col">State</th>
                <th scope="col">Parameters</th>
                <th scope="col">Requested</th>
                <th scope="col">Rule</th>
              </tr>
            </thead>
            <tbody>
              {commands.map((command) => (
                <Fragment key={command.id}>
                  <HistoryRow command={command} open={command.id === expandedId} />
                  {command.id === expandedId && <AuditTrail id={command.id} />}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HistoryRow({ command, open }: { command: Command; open: boolean }) {
  return (
    <tr data-testid={`ops-history-row-${command.id}`} data-state={command.state}>
      <td>
        <button
          type="button"
          className="link-button mono"
          aria-expanded={open}
          onClick={() => void useOperations.getState().toggle(command.id)}
          data-testid={`ops-history-open-${command.id}`}
        >
          {open ? '▾' : '▸'} {command.instrument} · {command.command}
        </button>
      </td>
      <td data-testid={`ops-history-state-${command.id}`}>
        <span className="ops-tone" data-tone={STATE_TONE[command.state]} aria-hidden="true">
          {STATE_ICON[command.state]}
        </span>{' '}
        {command.state.replace('_', ' ')}
        {command.reason !== null && <span className="muted"> — {command.reason}</span>}
      </td>
      <td className="mono">{formatParams(command.params)}</td>
      <td>
        {command.requestedBy} <span className="muted">{formatUtcSecond(command.createdAt)}</span>
      </td>
      <td className="mono">{command.ruleId ?? '—'}</td>
    </tr>
  );
}

function AuditTrail({ id }: { id: string }) {
  const detail = useOperations((s) => s.details[id]);
  const error = useOperations((s) => s.detailError);
  return (
    <tr className="ops-audit-row">
      <td colSpan={5}>
        <ErrorNote message={error} testId="ops-audit-error" />
        {detail === undefined ? (
          <span className="muted">Loading the audit trail…</span>
        ) : (
          <ol className="ops-audit" data-testid={`ops-audit-${id}`}>
            {detail.audit.map((entry) => (
              <AuditLine key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </td>
    </tr>
  );
}

function AuditLine({ entry }: { entry: AuditEntry }) {
  return (
    <li data-testid={`ops-audit-entry-${entry.action}`}>
      <span className="mono">{formatUtcSecond(entry.at)}</span> <strong>{entry.action}</strong> by{' '}
      {entry.actor}
      {entry.role !== null && ` (${entry.role})`}
      {entry.fromState !== null && entry.toState !== null && (
        <span className="muted">
          {' '}
          {entry.fromState} → {entry.toState}
        </span>
      )}
      {entry.ruleId !== null && <span className="mono"> · rule {entry.ruleId}</span>}
      {entry.params !== null && <span className="mono"> · {formatParams(entry.params)}</span>}
      {entry.reason !== null && entry.reason !== '' && <span> · “{entry.reason}”</span>}
    </li>
  );
}
