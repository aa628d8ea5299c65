import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { useCan } from '../session/useCan';
import { QuarantineItem } from './QuarantineItem';
import { useQuarantine } from './quarantineStore';

/** Open quarantined rows, newest first, filtered by their error; each can be fixed or discarded. */
export function QuarantineList() {
  const { status, error, filter, rows, total, nextBefore, work, closed } = useQuarantine();
  const can = useCan('scientist');
  const store = useQuarantine.getState();
  return (
    <section className="quarantine" data-testid="quarantine" data-phase={status}>
      <div className="page-toolbar">
        <h2 className="section-title">Quarantine</h2>
        <label>
          Error contains{' '}
          <input
            type="search"
            value={filter}
            placeholder="e.g. unknown datastream"
            onChange={(e) => void store.setFilter(e.target.value)}
            data-testid="quarantine-filter"
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void store.load()}
          data-testid="quarantine-refresh"
        >
          Refresh
        </button>
        {status === 'ready' && (
          <span className="muted" data-testid="quarantine-total">
            {total} open row{total === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {closed.length > 0 && (
        <p className="notice" role="status" data-testid="quarantine-closed">
          Row {closed[0]?.id} {closed[0]?.resolution}.
        </p>
      )}
      <ErrorNote message={error} testId="quarantine-error" onRetry={() => void store.load()} />
      {status === 'idle' || status === 'loading' ? (
        <Loading what="the quarantine" testId="quarantine-loading" />
      ) : status === 'error' ? null : rows.length === 0 ? (
        <Empty testId="quarantine-empty">
          {filter.trim() === ''
            ? 'Nothing in quarantine: every row received so far was accepted or dealt with.'
            : 'No open row has an error like that.'}
        </Empty>
      ) : (
        <>
          <ul className="quarantine-list" data-testid="quarantine-list">
            {rows.map((row) => (
              <QuarantineItem key={row.id} row={row} work={work[row.id]} can={can} />
            ))}
          </ul>
          {nextBefore !== null && (
            <button
              type="button"
              className="button"
              onClick={() => void store.loadMore()}
              data-testid="quarantine-more"
            >
              Show older rows
            </button>
          )}
        </>
      )}
    </section>
  );
}
