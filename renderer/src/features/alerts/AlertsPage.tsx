import { useEffect, useState } from 'react';
import { useNow } from '../../hooks';
import { liveAlerts } from '../../live/emitter';
import { Empty, ErrorNote, Loading } from '../../shell/PageState';
import { AlertDetailPanel } from './AlertDetailPanel';
import { useAlertDetail } from './alertDetailStore';
import { AlertRow } from './AlertRow';
import { alertIdFromHash } from './alertSelection';
import { useAlerts } from './alertsStore';

/** Without a push (socket down) the list is still at most this old. */
const REFRESH_MS = 10_000;

/** The alert named in the address (`#/alerts/<id>`) is the one shown in detail. */
function useAlertSelection(): void {
  useEffect(() => {
    const follow = () => void useAlertDetail.getState().select(alertIdFromHash(location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
}

/** Keeps the list and the detail fresh: on every alert transition pushed live, and every 10 s. */
function useAlertRefresh(): void {
  useEffect(() => {
    const refresh = () => {
      void useAlerts.getState().load();
      const selected = useAlertDetail.getState().selectedId;
      if (selected !== null) void useAlertDetail.getState().select(selected);
    };
    void useAlerts.getState().load();
    const off = liveAlerts.on(refresh);
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, []);
}

/** Alerts, newest first: filter, acknowledge, shelve; one in detail with its notifications. */
export function AlertsPage() {
  useAlertSelection();
  useAlertRefresh();
  const { status, error, alerts, filter } = useAlerts();
  const [rule, setRule] = useState(filter.rule);
  const now = useNow(30_000);

  return (
    <section className="page" data-testid="alerts-page" data-phase={status}>
      <div className="page-toolbar">
        <h1 className="page-title">Alerts</h1>
        <div className="segmented" role="group" aria-label="Which alerts">
          {[true, false].map((openOnly) => (
            <button
              key={String(openOnly)}
              type="button"
              className="button"
              aria-pressed={filter.openOnly === openOnly}
              onClick={() => useAlerts.getState().setFilter({ openOnly })}
              data-testid={`alerts-filter-${openOnly ? 'open' : 'all'}`}
            >
              {openOnly ? 'Open' : 'All'}
            </button>
          ))}
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            useAlerts.getState().setFilter({ rule: rule.trim() });
          }}
        >
          <input
            className="input"
            placeholder="rule id"
            aria-label="Filter by rule"
            value={rule}
            onChange={(e) => setRule(e.target.value)}
            data-testid="alerts-filter-rule"
          />
          <button type="submit" className="button" data-testid="alerts-filter-apply">
            Filter
          </button>
        </form>
        <button
          type="button"
          className="button"
          onClick={() => void useAlerts.getState().load()}
          data-testid="alerts-refresh"
        >
          Refresh
        </button>
      </div>
      <AlertDetailPanel />
      <ErrorNote
        message={error}
        testId="alerts-error"
        onRetry={() => void useAlerts.getState().load()}
      />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="alerts" testId="alerts-loading" />
      ) : alerts.length === 0 ? (
        <Empty testId="alerts-empty">
          {filter.openOnly ? 'No open alerts.' : 'No alerts.'}
          {filter.rule !== '' && ` (rule ${filter.rule})`}
        </Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="alerts-table">
            <thead>
              <tr>
                <th>Severity</th>
                <th>Status</th>
                <th>Rule</th>
                <th>Start</th>
                <th>Firing</th>
                <th>Resolved</th>
                <th>Values</th>
                <th>Acknowledged</th>
                <th>Shelf</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => (
                <AlertRow key={alert.id} alert={alert} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
