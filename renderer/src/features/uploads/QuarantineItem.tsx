import type { QuarantineRow } from '../../../../core/contracts/uploads';
import type { Permission } from '../session/useCan';
import { useQuarantine, type RowWork } from './quarantineStore';
import { fixDraft, formatTime, sourceLabel } from './uploadFormat';

/** One quarantined row: why it was refused and what arrived; edit it and ingest it again, or discard it. */
export function QuarantineItem({
  row,
  work,
  can,
}: {
  row: QuarantineRow;
  work: RowWork | undefined;
  can: Permission;
}) {
  const store = useQuarantine.getState();
  const editing = work?.draft !== null && work?.draft !== undefined;
  const busy = work?.busy ?? false;
  return (
    <li className="quarantine-item" data-testid="quarantine-row" data-id={row.id}>
      <div className="quarantine-item-head">
        <span className="mono">#{row.id}</span>
        <span className="muted">{sourceLabel(row.source)}</span>
        <span className="muted">row {row.rowIndex + 1}</span>
        <span className="muted">{formatTime(row.receivedAtMs)}</span>
      </div>
      <p className="quarantine-error" data-testid="quarantine-row-error">
        <span className="quarantine-error-label">Error:</span> {row.error}
      </p>
      <pre className="quarantine-raw mono" data-testid="quarantine-row-raw">
        {row.raw === '' ? '(nothing readable arrived)' : row.raw}
      </pre>
      {editing ? (
        <form
          className="quarantine-fix"
          onSubmit={(event) => {
            event.preventDefault();
            void store.fix(row.id);
          }}
        >
          <label>
            The row as one observation (JSON)
            <textarea
              className="mono"
              rows={3}
              value={work?.draft ?? ''}
              onChange={(e) => store.edit(row.id, e.target.value)}
              data-testid="quarantine-fix-text"
            />
          </label>
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="quarantine-fix-submit"
            >
              Ingest again
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => store.edit(row.id, null)}
              data-testid="quarantine-fix-cancel"
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={!can.allowed || busy}
            title={can.reason}
            onClick={() => store.edit(row.id, fixDraft(row))}
            data-testid="quarantine-fix"
          >
            Fix…
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!can.allowed || busy}
            title={can.reason}
            onClick={() => void store.discard(row.id)}
            data-testid="quarantine-discard"
          >
            Discard
          </button>
        </div>
      )}
      {work?.error && (
        <p className="inline-error" role="alert" data-testid="quarantine-row-problem">
          {work.error}
        </p>
      )}
    </li>
  );
}
