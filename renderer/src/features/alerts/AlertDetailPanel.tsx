import { ErrorNote, Loading } from '../../shell/PageState';
import { formatMaybe, formatValues, SEVERITY_ICON, SEVERITY_TONE } from './alertFormat';
import { useAlertDetail } from './alertDetailStore';
import { hashOfAlert } from './alertSelection';
import { DeliveryList } from './DeliveryList';

/** The selected alert: its facts, and who was told of it on which channel, with what result. */
export function AlertDetailPanel() {
  const { selectedId, status, error, detail, notifications } = useAlertDetail();
  if (selectedId === null) return null;
  return (
    <section className="job-detail" data-testid="alert-detail" data-phase={status}>
      <div className="page-toolbar">
        <h2 className="section-title mono">{selectedId}</h2>
        <a className="button" href={hashOfAlert(null)} data-testid="alert-detail-close">
          Close
        </a>
      </div>
      {status === 'loading' && <Loading what="the alert" testId="alert-detail-loading" />}
      <ErrorNote
        message={error}
        testId="alert-detail-error"
        onRetry={() => void useAlertDetail.getState().select(selectedId)}
      />
      {detail && (
        <dl className="facts">
          <dt>Severity</dt>
          <dd>
            <span className="severity" data-tone={SEVERITY_TONE[detail.alert.severity]}>
              <span aria-hidden="true">{SEVERITY_ICON[detail.alert.severity]}</span>{' '}
              {detail.alert.severity}
            </span>
          </dd>
          <dt>Status</dt>
          <dd data-testid="alert-detail-status">{detail.alert.status}</dd>
          <dt>Rule</dt>
          <dd className="mono">{detail.alert.ruleId}</dd>
          <dt>Start / firing / resolved</dt>
          <dd className="mono">
            {formatMaybe(detail.alert.startMs)} / {formatMaybe(detail.alert.firingMs)} /{' '}
            {formatMaybe(detail.alert.resolvedMs)}
          </dd>
          <dt>Values</dt>
          <dd className="mono">{formatValues(detail.alert.values)}</dd>
        </dl>
      )}
      {status === 'ready' && (
        <>
          <h3 className="section-title">Notifications</h3>
          {notifications.length === 0 ? (
            <p className="muted" data-testid="alert-notifications-empty">
              Nobody was notified of this alert (the rule has no notify action, or it was not due).
            </p>
          ) : (
            notifications.map((job) => (
              <div key={job.jobId} data-testid={`alert-notification-${job.jobId}`}>
                <p>
                  <a className="mono" href={`#/jobs/${encodeURIComponent(job.jobId)}`}>
                    {job.jobId}
                  </a>{' '}
                  <span className="tag" data-testid="alert-notification-state">
                    {job.state}
                  </span>{' '}
                  {job.recipient && <span>to {job.recipient}</span>}{' '}
                  {job.message && <span className="muted">{job.message}</span>}
                </p>
                <DeliveryList deliveries={job.deliveries} testId={`deliveries-${job.jobId}`} />
              </div>
            ))
          )}
        </>
      )}
    </section>
  );
}
